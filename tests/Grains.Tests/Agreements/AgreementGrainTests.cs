using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Tests.Agreements.Support;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Agreements;

[Collection(GrainCluster.Collection)]
public sealed class AgreementGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly AgreementSilo _silo = new(cluster);
    private readonly string _id = AgreementIds.New();

    private IAgreementGrain Grain => _silo.Grains.GetGrain<IAgreementGrain>(_id);

    private ShelterTowns Towns => _silo.Towns;

    public Task InitializeAsync() => _silo.AddMunicipalitiesAsync([.. Towns.All, Towns.Outsider]);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task DraftingStoresAnOpenAgreementUnderItsId()
    {
        var drafted = await Grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, Towns.All);

        var read = await _silo.Grains.GetGrain<IAgreementGrain>(_id).GetAsync();
        Assert.Equal(_id, read.Id);
        Assert.Equal(AgreementStatus.Open, read.Status);
        Assert.Equal(Towns.All, read.Parties.Select(p => p.MunicipalityId));
        Assert.Equal(_silo.Clock.GetUtcNow(), read.CreatedAt);
        Assert.Equal(drafted.Version, read.Version);
    }

    [Fact]
    public async Task DraftingBetweenMunicipalitiesThatDoNotExistIsInvalidAndLeavesNoAgreement()
    {
        var (atlantis, lemuria) = (_silo.Id("atlantis"), _silo.Id("lemuria"));
        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Grain.DraftAsync(Actor.Coordinator, Shelter.Content, [Towns.Canepina, atlantis, lemuria]));

        Assert.Equal([$"There is no partner '{atlantis}', '{lemuria}'."], error.Errors["parties"]);
        await Assert.ThrowsAsync<ResourceNotFoundException>(Grain.GetAsync);
    }

    [Fact]
    public async Task DraftingTwiceUnderOneIdIsAConflict()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);

        await Assert.ThrowsAsync<ConflictException>(() => Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All));
    }

    [Fact]
    public async Task AnAgreementNeverDraftedIsNotFoundAndLeavesNoActivationBehind()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(Grain.GetAsync);
        Assert.Equal("agreement", error.Resource);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Grain.SignAsync(Actor.Municipality(Towns.Kelme), Shelter.SignatureOf(Towns.Kelme)));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Grain.GetHistoryAsync(0, 10));

        // The grain deactivates itself after answering; its deactivation is the signal (bounded, should it never come).
        await _silo.Cluster.WaitForDeactivationAsync(Grain);
        Assert.False(_silo.Cluster.IsActive(Grain));
    }

    [Fact]
    public async Task TheSixShelterTownsSignAndTheAgreementIsInForce()
    {
        await Grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, Towns.All);

        Agreement agreement = null!;
        foreach (var town in Towns.All)
        {
            _silo.Clock.Advance(TimeSpan.FromHours(1));
            agreement = await Grain.SignAsync(Actor.Municipality(town), Shelter.SignatureOf(town));
        }

        Assert.Equal(AgreementStatus.InForce, agreement.Status);
        Assert.Equal(_silo.Clock.GetUtcNow(), agreement.FindParty(Towns.Laragne)!.SignedAt);
        Assert.Equal(AgreementStatus.InForce, (await Grain.GetAsync()).Status);
    }

    [Fact]
    public async Task ARefusedTransitionChangesNothing()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);
        var signed = await Grain.SignAsync(Actor.Municipality(Towns.Kelme), Shelter.SignatureOf(Towns.Kelme));

        await Assert.ThrowsAsync<ConflictException>(() => Grain.SignAsync(Actor.Municipality(Towns.Kelme), new AgreementSignature("Someone else", "Deputy")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Grain.SignAsync(Actor.Coordinator, Shelter.SignatureOf("coordinator")));

        var read = await Grain.GetAsync();
        Assert.Equal(signed.Version, read.Version);
        Assert.Equal(Shelter.SignatureOf(Towns.Kelme).Signatory, read.FindParty(Towns.Kelme)!.Signatory);
        Assert.Equal(2, (await Grain.GetHistoryAsync(0, 100)).Count);
    }

    [Fact]
    public async Task EveryChangeIsADatedHistoryEntryInOrder()
    {
        var grain = Grain;
        await grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, [Towns.Canepina, Towns.Gallese, Towns.Kelme]);
        var signedAt = _silo.Clock.Advance(TimeSpan.FromDays(1));
        await grain.SignAsync(Actor.Municipality(Towns.Canepina), Shelter.SignatureOf(Towns.Canepina));
        _silo.Clock.Advance(TimeSpan.FromDays(1));
        await grain.AmendAsync(Actor.Coordinator, Shelter.Content with { Text = "Article 1 (revised)." }, expectedVersion: null);
        _silo.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var town in new[] { Towns.Canepina, Towns.Gallese, Towns.Kelme })
        {
            await grain.SignAsync(Actor.Municipality(town), Shelter.SignatureOf(town));
        }

        _silo.Clock.Advance(TimeSpan.FromDays(30));
        await grain.AccedeAsync(Actor.Municipality(Towns.Gallese), Towns.NovoMesto);
        await grain.WithdrawAsync(Actor.Municipality(Towns.Kelme), Towns.Kelme);
        await grain.WithdrawAsync(Actor.Municipality(Towns.NovoMesto), Towns.NovoMesto);
        var endedAt = _silo.Clock.Advance(TimeSpan.FromDays(1));
        await grain.WithdrawAsync(Actor.Municipality(Towns.Gallese), Towns.Gallese);

        var history = await grain.GetHistoryAsync(0, 100);

        Assert.Equal(
            [
                "drafted", "signed", "amended", "signed", "signed", "signed", "inForce",
                "partyJoined", "partyWithdrew", "partyWithdrew", "partyWithdrew", "terminated",
            ],
            history.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Seq));
        Assert.Equal(Shelter.Drafted, history[0].At);
        Assert.Equal(signedAt, history[1].At);
        Assert.Equal(Towns.Canepina, history[1].MunicipalityId);
        Assert.Equal(Shelter.SignatureOf(Towns.Canepina).Signatory, history[1].Signatory);
        Assert.Equal("Mayor", history[1].Role);
        Assert.Equal("coordinator", history[2].Actor);
        Assert.Equal(AgreementStatus.InForce, history[6].Status);
        Assert.Equal(Towns.NovoMesto, history[7].MunicipalityId);
        Assert.Equal(endedAt, history[^1].At);
        Assert.Equal(AgreementStatus.Terminated, history[^1].Status);
    }

    [Fact]
    public async Task TheHistoryIsReadInPagesAfterASequenceNumber()
    {
        await Grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, Towns.All);
        foreach (var town in Towns.All)
        {
            await Grain.SignAsync(Actor.Municipality(town), Shelter.SignatureOf(town));
        }

        var first = await Grain.GetHistoryAsync(0, 3);
        var rest = await Grain.GetHistoryAsync(first[^1].Seq, 100);

        Assert.Equal([1L, 2L, 3L], first.Select(e => e.Seq));
        Assert.Equal([4L, 5L, 6L, 7L, 8L], rest.Select(e => e.Seq));
        Assert.Equal(AgreementEventTypes.InForce, rest[^1].Type);
    }

    [Fact]
    public async Task EveryChangeAppearsInTheNetworksActivityLog()
    {
        await Grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, [Towns.Canepina, Towns.Gallese]);
        await Grain.SignAsync(Actor.Municipality(Towns.Canepina), Shelter.SignatureOf(Towns.Canepina));
        await Grain.SignAsync(Actor.Municipality(Towns.Gallese), Shelter.SignatureOf(Towns.Gallese));
        await Grain.AccedeAsync(Actor.Coordinator, Towns.Kelme);
        await Grain.WithdrawAsync(Actor.Municipality(Towns.Kelme), Towns.Kelme);
        await Grain.WithdrawAsync(Actor.Municipality(Towns.Gallese), Towns.Gallese);

        var activity = await ActivityOfThisAgreementAsync();

        Assert.Equal(
            [
                "agreement.drafted", "agreement.signed", "agreement.signed", "agreement.inForce",
                "agreement.partyJoined", "agreement.partyWithdrew", "agreement.partyWithdrew", "agreement.terminated",
            ],
            activity.Select(r => r.Type));
        Assert.Equal([Towns.Canepina, Towns.Canepina, Towns.Gallese, Towns.Gallese], activity.Take(4).Select(r => r.Actor));
    }

    [Fact]
    public async Task AnAmendmentIsInTheActivityLogToo()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);

        await Grain.AmendAsync(Actor.Municipality(Towns.Kelme), Shelter.Content with { Title = "SHELTER agreement" }, expectedVersion: "1");

        var activity = await ActivityOfThisAgreementAsync();
        Assert.Equal("agreement.amended", activity[^1].Type);
        Assert.Equal(Towns.Kelme, activity[^1].Actor);
    }

    [Fact]
    public async Task ThePartiesIndexListsTheAgreementUnderEachCurrentPartyOnly()
    {
        await Grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, Towns.All);
        Assert.Equal([_id], await AgreementsOfAsync(Towns.Kelme));

        await Grain.WithdrawAsync(Actor.Municipality(Towns.Kelme), Towns.Kelme);
        Assert.Empty(await AgreementsOfAsync(Towns.Kelme));
        Assert.Equal([_id], await AgreementsOfAsync(Towns.Gallese));

        await Grain.AccedeAsync(Actor.Coordinator, Towns.Outsider);
        Assert.Equal([_id], await AgreementsOfAsync(Towns.Outsider));
    }

    [Fact]
    public async Task TheIndexCarriesTheStatusAndTheListItemWithoutTheText()
    {
        await Grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, [Towns.Canepina, Towns.Gallese]);
        await Grain.SignAsync(Actor.Municipality(Towns.Canepina), Shelter.SignatureOf(Towns.Canepina));
        await Grain.SignAsync(Actor.Municipality(Towns.Gallese), Shelter.SignatureOf(Towns.Gallese));

        var page = await _silo.OwnIndex.QueryAsync(new IndexQuery(AgreementIndex.Name) { Terms = [AgreementIndex.Status(AgreementStatus.InForce)] });

        var item = AgreementIndex.ReadSummary(Assert.Single(page.Items));
        Assert.Equal(_id, item.Id);
        Assert.Equal(AgreementStatus.InForce, item.Status);
        Assert.Equal(Shelter.Areas, item.Areas);
        Assert.Equal(Shelter.SignatureOf(Towns.Gallese).Signatory, item.Parties[1].Signatory);
        Assert.DoesNotContain("cooperating after the SHELTER project", Assert.Single(page.Items).Payload!, StringComparison.Ordinal);
        Assert.Empty((await _silo.OwnIndex.QueryAsync(new IndexQuery(AgreementIndex.Name) { Terms = [AgreementIndex.Status(AgreementStatus.Open)] })).Items);
    }

    [Fact]
    public async Task AnAmendmentAgainstAStaleVersionFailsItsPrecondition()
    {
        var drafted = await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);
        await Grain.SignAsync(Actor.Municipality(Towns.Kelme), Shelter.SignatureOf(Towns.Kelme));

        await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            Grain.AmendAsync(Actor.Coordinator, Shelter.Content with { Title = "New" }, drafted.ETagVersion));

        var current = await Grain.GetAsync();
        var amended = await Grain.AmendAsync(Actor.Coordinator, Shelter.Content with { Title = "New" }, current.ETagVersion);
        Assert.Equal("New", amended.Title);
        Assert.All(amended.Parties, p => Assert.False(p.HasSigned));
    }

    [Fact]
    public async Task AnAmendmentToTheSameContentWritesNothing()
    {
        var drafted = await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);

        var same = await Grain.AmendAsync(Actor.Coordinator, Shelter.Content, drafted.ETagVersion);

        Assert.Equal(drafted.Version, same.Version);
        Assert.Single(await Grain.GetHistoryAsync(0, 100));
    }

    [Fact]
    public async Task TheAccessionOfAMunicipalityThatDoesNotExistIsInvalid()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);

        var atlantis = _silo.Id("atlantis");
        var error = await Assert.ThrowsAsync<DomainValidationException>(() => Grain.AccedeAsync(Actor.Coordinator, atlantis));

        Assert.Equal([$"There is no partner '{atlantis}'."], error.Errors["municipalityId"]);
        Assert.Equal(6, (await Grain.GetAsync()).Parties.Count);
    }

    [Fact]
    public async Task TheAgreementAndItsHistoryOutliveTheActivation()
    {
        await Grain.DraftAsync(Actor.Municipality(Towns.Canepina), Shelter.Content, [Towns.Canepina, Towns.Gallese]);
        await Grain.SignAsync(Actor.Municipality(Towns.Canepina), Shelter.SignatureOf(Towns.Canepina));

        await _silo.Cluster.CollectEverythingAsync();
        Assert.False(_silo.Cluster.IsActive(Grain));
        var signed = await Grain.SignAsync(Actor.Municipality(Towns.Gallese), Shelter.SignatureOf(Towns.Gallese));

        Assert.Equal(AgreementStatus.InForce, signed.Status);
        Assert.Equal([1L, 2L, 3L, 4L], (await Grain.GetHistoryAsync(0, 100)).Select(e => e.Seq));
    }

    [Fact]
    public async Task AChangeStandsWhenItsHistoryCannotBeAppendedAndTheHistoryCatchesUpOnTheNextCall()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);

        _silo.Storage.FailLogAppends = true;
        var signed = await Grain.SignAsync(Actor.Municipality(Towns.Kelme), Shelter.SignatureOf(Towns.Kelme));
        Assert.True(signed.FindParty(Towns.Kelme)!.HasSigned);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Grain.GetHistoryAsync(0, 100));

        _silo.Storage.FailLogAppends = false;
        var history = await Grain.GetHistoryAsync(0, 100);

        Assert.Equal([AgreementEventTypes.Drafted, AgreementEventTypes.Signed], history.Select(e => e.Type));
        var activity = await ActivityOfThisAgreementAsync();
        Assert.Equal(["agreement.drafted", "agreement.signed"], activity.Select(r => r.Type));
    }

    [Fact]
    public async Task AfterARestartBetweenTheChangeAndItsHistoryTheNextActivationCompletesTheHistory()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, [Towns.Kelme, Towns.Gallese]);
        _silo.Storage.FailLogAppends = true;
        await Grain.SignAsync(Actor.Municipality(Towns.Kelme), Shelter.SignatureOf(Towns.Kelme));

        // The activation ends, as in a restart of the silo, while the log is still out of reach.
        await _silo.Cluster.DeactivateAsync(Grain);
        _silo.Storage.FailLogAppends = false;
        var history = await Grain.GetHistoryAsync(0, 100);

        Assert.Equal([AgreementEventTypes.Drafted, AgreementEventTypes.Signed], history.Select(e => e.Type));
        Assert.Equal([1L, 2L], history.Select(e => e.Seq));
    }

    [Fact]
    public async Task AChangeThatCannotBeStoredIsNotMadeAndTheNextAttemptSucceeds()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Towns.All);

        _silo.Storage.FailStateWrites = true;
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Grain.SignAsync(Actor.Municipality(Towns.Kelme), Shelter.SignatureOf(Towns.Kelme)));
        _silo.Storage.FailStateWrites = false;

        Assert.False((await Grain.GetAsync()).FindParty(Towns.Kelme)!.HasSigned);
        Assert.Single(await Grain.GetHistoryAsync(0, 100));
        var signed = await Grain.SignAsync(Actor.Municipality(Towns.Kelme), Shelter.SignatureOf(Towns.Kelme));
        Assert.True(signed.FindParty(Towns.Kelme)!.HasSigned);
        Assert.Equal(2, (await Grain.GetHistoryAsync(0, 100)).Count);
    }

    /// <summary>The activity log's records about this test's agreement (the partners' registration is in it too).</summary>
    private async Task<List<ActivityRecord>> ActivityOfThisAgreementAsync()
    {
        var all = await _silo.ActivityAsync();
        return [.. all.Where(r => r.Subject == "agreement/" + _id)];
    }

    private async Task<string[]> AgreementsOfAsync(string municipalityId)
    {
        var page = await _silo.Index.QueryAsync(AgreementIndex.ByParty(municipalityId));
        return [.. page.Items.Select(hit => hit.DocumentId)];
    }
}
