using Collaboration.Silo;

namespace Collaboration.Bench.Runtime;

/// <summary>The cheapest grain there is, so the figures show the runtime's own cost.</summary>
[GrainType("ping")]
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> PingAsync(int value) => Task.FromResult(++_calls + value);
}
