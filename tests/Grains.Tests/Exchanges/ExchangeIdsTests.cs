using Collaboration.Grains.Exchanges;

namespace Collaboration.Grains.Tests.Exchanges;

public sealed class ExchangeIdsTests
{
    [Fact]
    public void NewIdsArePrefixedUniqueAndRecognised()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => ExchangeIds.NewExchangeId()).ToList();

        Assert.All(ids, id => Assert.True(ExchangeIds.IsExchangeId(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.StartsWith("re-", ExchangeIds.NewReplyId(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ex-")]
    [InlineData("ex-0190F2C6A1B27C3D8E9F0A1B2C3D4E5F")]
    [InlineData("re-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f")]
    [InlineData("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f~x")]
    [InlineData("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f\n")]
    public void MadeUpIdsAreNotExchangeIds(string? id)
    {
        Assert.False(ExchangeIds.IsExchangeId(id));
    }

    [Fact]
    public void AnAdoptionKeyNamesTheExchangeAndTheTown()
    {
        var key = ExchangeIds.AdoptionKey("ex-1", "kelme");

        Assert.Equal("ex-1~kelme", key);
        Assert.Equal(("ex-1", "kelme"), ExchangeIds.ParseAdoptionKey(key));
        Assert.Null(ExchangeIds.ParseAdoptionKey("ex-1"));
        Assert.Null(ExchangeIds.ParseAdoptionKey("~kelme"));
        Assert.Null(ExchangeIds.ParseAdoptionKey("ex-1~"));
    }
}
