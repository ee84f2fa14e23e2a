namespace Collaboration.Silo.Tests.Runtime;

[GrainType("relay")]
public sealed class RelayGrain : Grain, IRelayGrain
{
    public Task<string> RelayAsync(string[] path) =>
        path.Length == 0
            ? Task.FromResult(GetPrimaryKeyString())
            : GrainFactory.GetGrain<IRelayGrain>(path[0]).RelayAsync(path[1..]);
}
