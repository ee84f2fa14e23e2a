using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Tests.Exchanges.Support;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Exchanges;

[Collection(GrainCluster.Collection)]
public sealed class ReplyGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly ExchangeSilo _silo = new(cluster);

    private string Kelme => _silo.Id("kelme");

    private string HercegNovi => _silo.Id("herceg-novi");
    private ExchangeRecord _question = null!;

    public async Task InitializeAsync()
    {
        await _silo.AddMunicipalityAsync(Kelme, "LT");
        await _silo.AddMunicipalityAsync(HercegNovi, "ME");
        _question = await _silo.PostAsync(Kelme, kind: ExchangeKind.Question, title: "How do you reach young volunteers?");
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task AMunicipalityRepliesInItsOwnName()
    {
        var reply = await _silo.ReplyAsync(_question.Id, HercegNovi, "  Through the youth centre.  ");

        Assert.Equal(HercegNovi, reply.Author);
        Assert.Equal(_question.Id, reply.ExchangeId);
        Assert.Equal("Through the youth centre.", reply.Body);
        Assert.Equal(_silo.Clock.GetUtcNow(), reply.CreatedAt);
        Assert.Equal(reply, await _silo.Grains.GetGrain<IReplyGrain>(reply.Id).GetAsync());
    }

    [Fact]
    public async Task TheAuthorMayReplyToItsOwnExchange()
    {
        var reply = await _silo.ReplyAsync(_question.Id, Kelme, "Thanks, we will try it.");

        Assert.Equal(Kelme, reply.Author);
    }

    [Fact]
    public async Task ACoordinatorDoesNotReplyInAMunicipalitysPlace()
    {
        var grain = _silo.Grains.GetGrain<IReplyGrain>(ExchangeIds.NewReplyId());

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Coordinator, _question.Id, "Hello"));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task AReplyToAnUnknownExchangeIsNotFound()
    {
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _silo.ReplyAsync("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f", Kelme, "Hello"));
    }

    [Fact]
    public async Task AnEmptyReplyIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.ReplyAsync(_question.Id, Kelme, "   "));

        Assert.Equal(["body"], error.Errors.Keys);
    }

    [Fact]
    public async Task AReplyIsRecordedInTheNetworkActivity()
    {
        await _silo.ReplyAsync(_question.Id, HercegNovi, "Through the youth centre.");

        var entry = Assert.Single(await _silo.ActivityAsync(), a => a.Type == "exchange.replied");

        Assert.Equal(HercegNovi, entry.Actor);
        Assert.Equal($"exchange/{_question.Id}", entry.Subject);
    }
}
