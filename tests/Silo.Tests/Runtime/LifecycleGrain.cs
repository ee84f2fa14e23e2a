namespace Collaboration.Silo.Tests.Runtime;

[GrainType("lifecycle")]
public sealed class LifecycleGrain : Grain, ILifecycleGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);
}
