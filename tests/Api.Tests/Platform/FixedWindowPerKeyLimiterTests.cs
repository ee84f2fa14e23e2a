using System.Threading.RateLimiting;
using Collaboration.Api.Hosting;
using Collaboration.Tests.Time;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Api.Tests.Platform;

/// <summary>The per-key fixed window behind 429s, driven by a manual clock.</summary>
public sealed class FixedWindowPerKeyLimiterTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void APartitionGetsItsPermitsPerWindowThenARetryAfterTheRestOfTheWindow()
    {
        using var limiter = Limiter(permits: 3, window: TimeSpan.FromMinutes(1));
        var kelme = Request("kelme");

        var granted = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire(kelme).IsAcquired).ToList();
        _clock.Advance(TimeSpan.FromSeconds(20));
        using var refused = limiter.AttemptAcquire(kelme);

        Assert.All(granted, Assert.True);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
    }

    [Fact]
    public void ANewWindowGivesEveryPermitBack()
    {
        using var limiter = Limiter(permits: 2, window: TimeSpan.FromMinutes(1));
        var kelme = Request("kelme");
        limiter.AttemptAcquire(kelme);
        limiter.AttemptAcquire(kelme);
        Assert.False(limiter.AttemptAcquire(kelme).IsAcquired);

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(limiter.AttemptAcquire(kelme).IsAcquired);
        Assert.True(limiter.AttemptAcquire(kelme).IsAcquired);
        Assert.False(limiter.AttemptAcquire(kelme).IsAcquired);
    }

    [Fact]
    public void OnePartitionOverItsLimitLeavesTheOthersAlone()
    {
        using var limiter = Limiter(permits: 1, window: TimeSpan.FromMinutes(1));

        Assert.True(limiter.AttemptAcquire(Request("kelme")).IsAcquired);
        Assert.False(limiter.AttemptAcquire(Request("kelme")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(Request("gallese")).IsAcquired);
    }

    [Fact]
    public void PartitionsIdleForAWholeWindowAreDropped()
    {
        using var limiter = Limiter(permits: 5, window: TimeSpan.FromMinutes(1));
        foreach (var key in Enumerable.Range(0, 100).Select(i => $"rotating-{i}"))
        {
            limiter.AttemptAcquire(Request(key));
        }

        Assert.Equal(100, limiter.PartitionCount);
        _clock.Advance(TimeSpan.FromMinutes(1));
        limiter.AttemptAcquire(Request("kelme"));

        Assert.Equal(1, limiter.PartitionCount);
    }

    [Fact]
    public async Task ConcurrentRequestsOfOnePartitionNeverGetMoreThanItsPermits()
    {
        using var limiter = Limiter(permits: 1000, window: TimeSpan.FromMinutes(1));
        var kelme = Request("kelme");
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                if (limiter.AttemptAcquire(kelme).IsAcquired)
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));

        Assert.Equal(1000, granted);
    }

    [Fact]
    public void ALimitAsHighAsAnIntNeverWrapsAround()
    {
        using var limiter = Limiter(permits: int.MaxValue, window: TimeSpan.FromMinutes(1));
        var kelme = Request("kelme");

        Assert.True(limiter.AttemptAcquire(kelme, int.MaxValue - 1).IsAcquired);
        Assert.True(limiter.AttemptAcquire(kelme).IsAcquired);
        Assert.False(limiter.AttemptAcquire(kelme).IsAcquired);
    }

    private FixedWindowPerKeyLimiter Limiter(int permits, TimeSpan window) =>
        new(context => (string)context.Items["partition"]!, permits, window, _clock);

    private static DefaultHttpContext Request(string partition)
    {
        var context = new DefaultHttpContext();
        context.Items["partition"] = partition;
        return context;
    }
}
