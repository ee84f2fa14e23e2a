namespace Collaboration.Silo.Tests.Runtime;

[GrainType("interleaving")]
public sealed class InterleavingGrain : Grain, IInterleavingGrain
{
    private readonly TaskCompletionSource<string> _latch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> WaitForLatchAsync() => _latch.Task;

    public Task OpenLatchAsync()
    {
        _latch.TrySetResult("opened");
        return Task.CompletedTask;
    }
}
