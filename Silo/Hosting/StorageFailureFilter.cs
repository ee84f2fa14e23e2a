using Orleans;
using Orleans.Runtime;

namespace Collaboration.Silo.Hosting;

/// <summary>
/// A call that failed in storage (an outage, or a write whose outcome is unknown) leaves its grain's state in memory
/// ahead of, or beside, what is stored: the activation is dropped after the call, so the next call reads the state again.
/// </summary>
internal sealed class StorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (OrleansException)
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "A storage call failed; the state is read again on the next call."));
            throw;
        }
    }
}
