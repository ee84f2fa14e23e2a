namespace Collaboration.Silo.Tests.Runtime;

[GrainType("faulty")]
public sealed class FaultyGrain(ActivationJournal journal) : Grain, IFaultyGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (journal.FailNextActivation)
        {
            journal.FailNextActivation = false;
            throw new InvalidOperationException("activation failed on purpose");
        }

        journal.Record($"activate {GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate {GetPrimaryKeyString()} {reason}");
        return Task.CompletedTask;
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public Task<int> EchoAsync(int value) => Task.FromResult(value);

    public Task LeaveAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
