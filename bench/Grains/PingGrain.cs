namespace Collaboration.Bench.Grains;

/// <summary>The cheapest grain there is (no state, no storage), so the figures show the runtime's own cost.</summary>
[GrainType("bench-ping")]
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> PingAsync(int value) => Task.FromResult(++_calls + value);
}
