using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Tests.Exchanges.Support;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Exchanges;

[Collection(GrainCluster.Collection)]
public sealed class AdoptionGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly ExchangeSilo _silo = new(cluster);

    private string NovoMesto => _silo.Id("novo-mesto");

    private string Kelme => _silo.Id("kelme");

    private string Gallese => _silo.Id("gallese");
    private ExchangeRecord _practice = null!;

    public async Task InitializeAsync()
    {
        await _silo.AddMunicipalityAsync(NovoMesto, "SI");
        await _silo.AddMunicipalityAsync(Kelme, "LT");
        await _silo.AddMunicipalityAsync(Gallese, "IT");
        _practice = await _silo.PostAsync(NovoMesto, title: "Local partnership with NGOs");
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task ATownTracksItsReplicationFromInterestToImplementationWithADatedHistory()
    {
        var start = _silo.Clock.GetUtcNow();
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Interested, "Seen at the Canepina conference.");
        _silo.Clock.Advance(TimeSpan.FromDays(30));
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Adapting);
        _silo.Clock.Advance(TimeSpan.FromDays(60));

        var adoption = await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Implemented, "Charter signed with four NGOs.");

        Assert.Equal(AdoptionStatus.Implemented, adoption.Status);
        Assert.Equal("Charter signed with four NGOs.", adoption.Note);
        Assert.Equal(start, adoption.Since);
        Assert.Equal(start.AddDays(90), adoption.UpdatedAt);
        Assert.Equal(
            [
                new AdoptionHistoryEntry(AdoptionStatus.Interested, "Seen at the Canepina conference.", start),
                new AdoptionHistoryEntry(AdoptionStatus.Adapting, null, start.AddDays(30)),
                new AdoptionHistoryEntry(AdoptionStatus.Implemented, "Charter signed with four NGOs.", start.AddDays(90)),
            ],
            adoption.History);
        Assert.Equal(new ExchangeReference(_practice.Id, ExchangeKind.GoodPractice, "Local partnership with NGOs", NovoMesto, "SI"), adoption.Exchange);
    }

    [Fact]
    public async Task TheAuthorCannotAdoptItsOwnExchange()
    {
        var error = await Assert.ThrowsAsync<ConflictException>(() => _silo.AdoptAsync(_practice.Id, NovoMesto, AdoptionStatus.Interested));

        Assert.Contains("own", error.Message, StringComparison.Ordinal);
        Assert.Null(await _silo.Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(_practice.Id, NovoMesto)).GetAsync());
    }

    [Fact]
    public async Task OnlyTheAdoptingTownSetsItsStatus()
    {
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Interested);
        var kelmes = _silo.Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(_practice.Id, Kelme));

        await Assert.ThrowsAsync<ForbiddenException>(() => kelmes.SetStatusAsync(Actor.Municipality(Gallese), AdoptionStatus.Abandoned, null));
        await Assert.ThrowsAsync<ForbiddenException>(() => kelmes.SetStatusAsync(Actor.Municipality(NovoMesto), AdoptionStatus.Abandoned, null));
        await Assert.ThrowsAsync<ForbiddenException>(() => kelmes.SetStatusAsync(Actor.Coordinator, AdoptionStatus.Abandoned, null));

        Assert.Equal(AdoptionStatus.Interested, (await kelmes.GetAsync())!.Adoption.Status);
    }

    [Fact]
    public async Task ARefusedMoveChangesNothing()
    {
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Implemented, "Running since March.");

        var error = await Assert.ThrowsAsync<ConflictException>(() => _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Interested));

        Assert.Contains("back", error.Message, StringComparison.Ordinal);
        var adoption = (await _silo.Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(_practice.Id, Kelme)).GetAsync())!.Adoption;
        Assert.Equal(AdoptionStatus.Implemented, adoption.Status);
        Assert.Single(adoption.History);
    }

    [Fact]
    public async Task TheSameStatusAgainRecordsANewNote()
    {
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Adapting, "Translating the charter.");
        _silo.Clock.Advance(TimeSpan.FromDays(7));

        var adoption = await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Adapting, "Two NGOs on board.");

        Assert.Equal("Two NGOs on board.", adoption.Note);
        Assert.Equal(["Translating the charter.", "Two NGOs on board."], adoption.History.Select(h => h.Note));
    }

    [Fact]
    public async Task AnAbandonedReplicationCanBeRevivedAsInterested()
    {
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Adapting);
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Abandoned, "No budget this year.");

        await Assert.ThrowsAsync<ConflictException>(() => _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Adapting));
        var revived = await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Interested, "Budget found.");

        Assert.Equal(
            [AdoptionStatus.Adapting, AdoptionStatus.Abandoned, AdoptionStatus.Interested],
            revived.History.Select(h => h.Status));
    }

    [Fact]
    public async Task AChangeMadeOnAStaleVersionIsRefused()
    {
        var grain = _silo.Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(_practice.Id, Kelme));
        var first = await grain.SetStatusAsync(Actor.Municipality(Kelme), AdoptionStatus.Interested, null);
        var second = await grain.SetStatusAsync(Actor.Municipality(Kelme), AdoptionStatus.Adapting, null, first.Version);

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => grain.SetStatusAsync(Actor.Municipality(Kelme), AdoptionStatus.Implemented, null, first.Version));

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second, await grain.GetAsync(), new SnapshotComparer());
    }

    [Fact]
    public async Task AVersionGivenForAnAdoptionThatDoesNotExistYetIsStale()
    {
        var grain = _silo.Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(_practice.Id, Kelme));

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => grain.SetStatusAsync(Actor.Municipality(Kelme), AdoptionStatus.Interested, null, "42"));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task AnAdoptionCannotStartAsAbandoned()
    {
        await Assert.ThrowsAsync<ConflictException>(() => _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Abandoned));
    }

    [Fact]
    public async Task AQuestionIsNotAdopted()
    {
        var question = await _silo.PostAsync(NovoMesto, kind: ExchangeKind.Question, title: "How do you fund NGOs?");

        await Assert.ThrowsAsync<ConflictException>(() => _silo.AdoptAsync(question.Id, Kelme, AdoptionStatus.Interested));
    }

    [Theory]
    [InlineData("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f")]
    [InlineData("not-an-exchange")]
    public async Task AnAdoptionOfAnUnknownExchangeIsNotFound(string exchangeId)
    {
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _silo.AdoptAsync(exchangeId, Kelme, AdoptionStatus.Interested));
    }

    [Fact]
    public async Task EveryChangeOfStatusIsRecordedInTheNetworkActivity()
    {
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Interested);
        await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Adapting);

        var changes = (await _silo.ActivityAsync()).Where(a => a.Type == "adoption.changed").ToList();

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(Kelme, c.Actor));
        Assert.All(changes, c => Assert.Equal($"exchange/{_practice.Id}", c.Subject));
        Assert.EndsWith("adapting", changes[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHistoryIsCappedAtTheMostRecentSteps()
    {
        for (var i = 0; i < ExchangeLimits.AdoptionHistoryCap + 3; i++)
        {
            _silo.Clock.Advance(TimeSpan.FromMinutes(1));
            await _silo.AdoptAsync(_practice.Id, Kelme, AdoptionStatus.Interested, $"note {i}");
        }

        var adoption = (await _silo.Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(_practice.Id, Kelme)).GetAsync())!.Adoption;

        Assert.Equal(ExchangeLimits.AdoptionHistoryCap, adoption.History.Count);
        Assert.Equal("note 3", adoption.History[0].Note);
    }

    /// <summary>Snapshots hold a history list, which records compare by reference.</summary>
    private sealed class SnapshotComparer : IEqualityComparer<AdoptionSnapshot?>
    {
        public bool Equals(AdoptionSnapshot? x, AdoptionSnapshot? y) =>
            x is not null && y is not null && x.Version == y.Version && x.Adoption.History.SequenceEqual(y.Adoption.History)
            && x.Adoption == y.Adoption with { History = x.Adoption.History };

        public int GetHashCode(AdoptionSnapshot? obj) => obj?.Version.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
