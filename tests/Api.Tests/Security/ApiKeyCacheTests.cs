using Collaboration.Api.Security;
using Collaboration.Grains.Activity;
using Collaboration.Tests.Time;

namespace Collaboration.Api.Tests.Security;

public sealed class ApiKeyCacheTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void AKeyIsTrustedForItsLifetimeAndAskedAgainAfter()
    {
        var cache = new ApiKeyCache(_clock);
        cache.Remember("hash-gallese", "gallese", cache.Generation);

        _clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.True(cache.TryGet("hash-gallese", out var municipality));
        Assert.Equal("gallese", municipality);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGet("hash-gallese", out _));
    }

    [Fact]
    public void ForgettingAMunicipalityForgetsItsKeysAndNoOneElses()
    {
        var cache = new ApiKeyCache(_clock);
        cache.Remember("hash-kelme-old", "kelme", cache.Generation);
        cache.Remember("hash-kelme-new", "kelme", cache.Generation);
        cache.Remember("hash-canepina", "canepina", cache.Generation);

        cache.Forget("kelme");

        Assert.False(cache.TryGet("hash-kelme-old", out _));
        Assert.False(cache.TryGet("hash-kelme-new", out _));
        Assert.True(cache.TryGet("hash-canepina", out _));
    }

    [Fact]
    public void ALookupThatStartedBeforeARevocationIsNotKept()
    {
        var cache = new ApiKeyCache(_clock);
        var lookupStarted = cache.Generation;

        cache.Forget("herceg-novi");
        cache.Remember("hash-herceg-novi", "herceg-novi", lookupStarted);

        Assert.False(cache.TryGet("hash-herceg-novi", out _));
    }

    [Theory]
    [InlineData("municipality.deactivated")]
    [InlineData("municipality.keyRotated")]
    public void ARevokingActivityRecordFromAnyFrontForgetsThatMunicipalitysKeys(string type)
    {
        var cache = new ApiKeyCache(_clock);
        cache.Remember("hash-novo-mesto", "novo-mesto", cache.Generation);
        cache.Remember("hash-gallese", "gallese", cache.Generation);

        ApiKeyCacheEviction.Apply(cache, Record(type, "municipality/novo-mesto"));

        Assert.False(cache.TryGet("hash-novo-mesto", out _));
        Assert.True(cache.TryGet("hash-gallese", out _));
    }

    [Fact]
    public void OtherActivityForgetsNothing()
    {
        var cache = new ApiKeyCache(_clock);
        cache.Remember("hash-novo-mesto", "novo-mesto", cache.Generation);

        ApiKeyCacheEviction.Apply(cache, Record("municipality.updated", "municipality/novo-mesto"));
        ApiKeyCacheEviction.Apply(cache, Record("exchange.posted", "exchange/novo-mesto"));

        Assert.True(cache.TryGet("hash-novo-mesto", out _));
    }

    private ActivityRecord Record(string type, string subject) => new(1, _clock.GetUtcNow(), type, "coordinator", subject, "");
}
