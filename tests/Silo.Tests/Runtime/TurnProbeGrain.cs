namespace Collaboration.Silo.Tests.Runtime;

[GrainType("turn-probe")]
public sealed class TurnProbeGrain : Grain, ITurnProbeGrain
{
    private int _inside;
    private int _maxInside;
    private int _calls;

    public async Task<int> EnterAsync()
    {
        // Interlocked so that an overlap, if the runtime allowed one, is counted rather than lost.
        var inside = Interlocked.Increment(ref _inside);
        _maxInside = Math.Max(_maxInside, inside);
        await Task.Yield();
        _calls++;
        Interlocked.Decrement(ref _inside);
        return _calls;
    }

    public Task<(int Calls, int MaxConcurrent)> GetStatsAsync() => Task.FromResult((_calls, _maxInside));
}
