namespace Collaboration.Grains.Tests.Agreements.Support;

/// <summary>A clock that moves only when a test advances it, so that history dates are exact.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public DateTimeOffset Advance(TimeSpan by) => new(Interlocked.Add(ref _ticks, by.Ticks), TimeSpan.Zero);
}
