namespace Collaboration.Grains.Tests.Exchanges.Support;

/// <summary>A clock that moves only when a test moves it, so that times and orders are exact, never slept for.</summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = new(2017, 10, 12, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
