using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Tests.Agreements.Support;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Tests.Agreements;

public sealed class AgreementGrainTests : IAsyncLifetime
{
    private readonly AgreementSilo _silo = new();
    private readonly string _id = AgreementIds.New();

    private IAgreementGrain Grain => _silo.Grains.GetGrain<IAgreementGrain>(_id);

    public Task InitializeAsync() => _silo.AddMunicipalitiesAsync([.. Shelter.Towns, Shelter.Outsider]);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task DraftingStoresAnOpenAgreementUnderItsId()
    {
        var drafted = await Grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, Shelter.Towns);

        var read = await _silo.Grains.GetGrain<IAgreementGrain>(_id).GetAsync();
        Assert.Equal(_id, read.Id);
        Assert.Equal(AgreementStatus.Open, read.Status);
        Assert.Equal(Shelter.Towns, read.Parties.Select(p => p.MunicipalityId));
        Assert.Equal(_silo.Clock.GetUtcNow(), read.CreatedAt);
        Assert.Equal(drafted.Version, read.Version);
    }

    [Fact]
    public async Task DraftingBetweenMunicipalitiesThatDoNotExistIsInvalidAndLeavesNoAgreement()
    {
        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Grain.DraftAsync(Actor.Coordinator, Shelter.Content, [Shelter.Canepina, "atlantis", "lemuria"]));

        Assert.Equal(["There is no municipality 'atlantis', 'lemuria'."], error.Errors["parties"]);
        await Assert.ThrowsAsync<ResourceNotFoundException>(Grain.GetAsync);
    }

    [Fact]
    public async Task DraftingTwiceUnderOneIdIsAConflict()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);

        await Assert.ThrowsAsync<ConflictException>(() => Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns));
    }

    [Fact]
    public async Task AnAgreementNeverDraftedIsNotFoundAndLeavesNoActivationBehind()
    {
        var activations = _silo.Runtime.ActivationCount;
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(Grain.GetAsync);
        Assert.Equal("agreement", error.Resource);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Grain.SignAsync(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme)));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Grain.GetHistoryAsync(0, 10));
        Assert.Equal(activations, _silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task TheSixShelterTownsSignAndTheAgreementIsInForce()
    {
        await Grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, Shelter.Towns);

        Agreement agreement = null!;
        foreach (var town in Shelter.Towns)
        {
            _silo.Clock.Advance(TimeSpan.FromHours(1));
            agreement = await Grain.SignAsync(Actor.Municipality(town), Shelter.SignatureOf(town));
        }

        Assert.Equal(AgreementStatus.InForce, agreement.Status);
        Assert.Equal(_silo.Clock.GetUtcNow(), agreement.FindParty(Shelter.Laragne)!.SignedAt);
        Assert.Equal(AgreementStatus.InForce, (await Grain.GetAsync()).Status);
    }

    [Fact]
    public async Task ARefusedTransitionChangesNothing()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);
        var signed = await Grain.SignAsync(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme));

        await Assert.ThrowsAsync<ConflictException>(() => Grain.SignAsync(Actor.Municipality(Shelter.Kelme), new AgreementSignature("Someone else", "Deputy")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Grain.SignAsync(Actor.Coordinator, Shelter.SignatureOf("coordinator")));

        var read = await Grain.GetAsync();
        Assert.Equal(signed.Version, read.Version);
        Assert.Equal("Mayor of kelme", read.FindParty(Shelter.Kelme)!.Signatory);
        Assert.Equal(2, (await Grain.GetHistoryAsync(0, 100)).Count);
    }

    [Fact]
    public async Task EveryChangeIsADatedHistoryEntryInOrder()
    {
        var grain = Grain;
        await grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, [Shelter.Canepina, Shelter.Gallese, Shelter.Kelme]);
        var signedAt = _silo.Clock.Advance(TimeSpan.FromDays(1));
        await grain.SignAsync(Actor.Municipality(Shelter.Canepina), Shelter.SignatureOf(Shelter.Canepina));
        _silo.Clock.Advance(TimeSpan.FromDays(1));
        await grain.AmendAsync(Actor.Coordinator, Shelter.Content with { Text = "Article 1 (revised)." }, expectedVersion: null);
        _silo.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var town in new[] { Shelter.Canepina, Shelter.Gallese, Shelter.Kelme })
        {
            await grain.SignAsync(Actor.Municipality(town), Shelter.SignatureOf(town));
        }

        _silo.Clock.Advance(TimeSpan.FromDays(30));
        await grain.AccedeAsync(Actor.Municipality(Shelter.Gallese), Shelter.NovoMesto);
        await grain.WithdrawAsync(Actor.Municipality(Shelter.Kelme), Shelter.Kelme);
        await grain.WithdrawAsync(Actor.Municipality(Shelter.NovoMesto), Shelter.NovoMesto);
        var endedAt = _silo.Clock.Advance(TimeSpan.FromDays(1));
        await grain.WithdrawAsync(Actor.Municipality(Shelter.Gallese), Shelter.Gallese);

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
        Assert.Equal(Shelter.Canepina, history[1].MunicipalityId);
        Assert.Equal("Mayor of canepina", history[1].Signatory);
        Assert.Equal("Mayor", history[1].Role);
        Assert.Equal("coordinator", history[2].Actor);
        Assert.Equal(AgreementStatus.InForce, history[6].Status);
        Assert.Equal(Shelter.NovoMesto, history[7].MunicipalityId);
        Assert.Equal(endedAt, history[^1].At);
        Assert.Equal(AgreementStatus.Terminated, history[^1].Status);
    }

    [Fact]
    public async Task TheHistoryIsReadInPagesAfterASequenceNumber()
    {
        await Grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, Shelter.Towns);
        foreach (var town in Shelter.Towns)
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
        await Grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, [Shelter.Canepina, Shelter.Gallese]);
        await Grain.SignAsync(Actor.Municipality(Shelter.Canepina), Shelter.SignatureOf(Shelter.Canepina));
        await Grain.SignAsync(Actor.Municipality(Shelter.Gallese), Shelter.SignatureOf(Shelter.Gallese));
        await Grain.AccedeAsync(Actor.Coordinator, Shelter.Kelme);
        await Grain.WithdrawAsync(Actor.Municipality(Shelter.Kelme), Shelter.Kelme);
        await Grain.WithdrawAsync(Actor.Municipality(Shelter.Gallese), Shelter.Gallese);

        var activity = await ActivityOfThisAgreementAsync();

        Assert.Equal(
            [
                "agreement.drafted", "agreement.signed", "agreement.signed", "agreement.inForce",
                "agreement.partyJoined", "agreement.partyWithdrew", "agreement.partyWithdrew", "agreement.terminated",
            ],
            activity.Select(r => r.Type));
        Assert.Equal([Shelter.Canepina, Shelter.Canepina, Shelter.Gallese, Shelter.Gallese], activity.Take(4).Select(r => r.Actor));
    }

    [Fact]
    public async Task AnAmendmentIsInTheActivityLogToo()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);

        await Grain.AmendAsync(Actor.Municipality(Shelter.Kelme), Shelter.Content with { Title = "SHELTER agreement" }, expectedVersion: "1");

        var activity = await ActivityOfThisAgreementAsync();
        Assert.Equal("agreement.amended", activity[^1].Type);
        Assert.Equal(Shelter.Kelme, activity[^1].Actor);
    }

    [Fact]
    public async Task ThePartiesIndexListsTheAgreementUnderEachCurrentPartyOnly()
    {
        await Grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, Shelter.Towns);
        Assert.Equal([_id], await AgreementsOfAsync(Shelter.Kelme));

        await Grain.WithdrawAsync(Actor.Municipality(Shelter.Kelme), Shelter.Kelme);
        Assert.Empty(await AgreementsOfAsync(Shelter.Kelme));
        Assert.Equal([_id], await AgreementsOfAsync(Shelter.Gallese));

        await Grain.AccedeAsync(Actor.Coordinator, Shelter.Outsider);
        Assert.Equal([_id], await AgreementsOfAsync(Shelter.Outsider));
    }

    [Fact]
    public async Task TheIndexCarriesTheStatusAndTheListItemWithoutTheText()
    {
        await Grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, [Shelter.Canepina, Shelter.Gallese]);
        await Grain.SignAsync(Actor.Municipality(Shelter.Canepina), Shelter.SignatureOf(Shelter.Canepina));
        await Grain.SignAsync(Actor.Municipality(Shelter.Gallese), Shelter.SignatureOf(Shelter.Gallese));

        var page = await _silo.Storage.QueryAsync(new IndexQuery(AgreementIndex.Name) { Terms = [AgreementIndex.Status(AgreementStatus.InForce)] });

        var item = AgreementIndex.ReadSummary(Assert.Single(page.Items));
        Assert.Equal(_id, item.Id);
        Assert.Equal(AgreementStatus.InForce, item.Status);
        Assert.Equal(Shelter.Areas, item.Areas);
        Assert.Equal("Mayor of gallese", item.Parties[1].Signatory);
        Assert.DoesNotContain("cooperating after the SHELTER project", Assert.Single(page.Items).Payload!, StringComparison.Ordinal);
        Assert.Empty((await _silo.Storage.QueryAsync(new IndexQuery(AgreementIndex.Name) { Terms = [AgreementIndex.Status(AgreementStatus.Open)] })).Items);
    }

    [Fact]
    public async Task AnAmendmentAgainstAStaleVersionFailsItsPrecondition()
    {
        var drafted = await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);
        await Grain.SignAsync(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme));

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
        var drafted = await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);

        var same = await Grain.AmendAsync(Actor.Coordinator, Shelter.Content, drafted.ETagVersion);

        Assert.Equal(drafted.Version, same.Version);
        Assert.Single(await Grain.GetHistoryAsync(0, 100));
    }

    [Fact]
    public async Task TheAccessionOfAMunicipalityThatDoesNotExistIsInvalid()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => Grain.AccedeAsync(Actor.Coordinator, "atlantis"));

        Assert.Equal(["There is no municipality 'atlantis'."], error.Errors["municipalityId"]);
        Assert.Equal(6, (await Grain.GetAsync()).Parties.Count);
    }

    [Fact]
    public async Task TheAgreementAndItsHistoryOutliveTheActivation()
    {
        await Grain.DraftAsync(Actor.Municipality(Shelter.Canepina), Shelter.Content, [Shelter.Canepina, Shelter.Gallese]);
        await Grain.SignAsync(Actor.Municipality(Shelter.Canepina), Shelter.SignatureOf(Shelter.Canepina));

        await _silo.CollectEverythingAsync();
        var signed = await Grain.SignAsync(Actor.Municipality(Shelter.Gallese), Shelter.SignatureOf(Shelter.Gallese));

        Assert.Equal(AgreementStatus.InForce, signed.Status);
        Assert.Equal([1L, 2L, 3L, 4L], (await Grain.GetHistoryAsync(0, 100)).Select(e => e.Seq));
    }

    [Fact]
    public async Task AChangeStandsWhenItsHistoryCannotBeAppendedAndTheHistoryCatchesUpOnTheNextCall()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);

        _silo.Storage.FailLogAppends = true;
        var signed = await Grain.SignAsync(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme));
        Assert.True(signed.FindParty(Shelter.Kelme)!.HasSigned);
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
        var storage = new FlakyStorage();
        await using (var before = new AgreementSilo(storage))
        {
            await before.AddMunicipalitiesAsync(Shelter.Towns);
            var grain = before.Grains.GetGrain<IAgreementGrain>(_id);
            await grain.DraftAsync(Actor.Coordinator, Shelter.Content, [Shelter.Kelme, Shelter.Gallese]);
            storage.FailLogAppends = true;
            await grain.SignAsync(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme));
        }

        storage.FailLogAppends = false;
        await using var after = new AgreementSilo(storage);
        var history = await after.Grains.GetGrain<IAgreementGrain>(_id).GetHistoryAsync(0, 100);

        Assert.Equal([AgreementEventTypes.Drafted, AgreementEventTypes.Signed], history.Select(e => e.Type));
        Assert.Equal([1L, 2L], history.Select(e => e.Seq));
    }

    [Fact]
    public async Task AChangeThatCannotBeStoredIsNotMadeAndTheNextAttemptSucceeds()
    {
        await Grain.DraftAsync(Actor.Coordinator, Shelter.Content, Shelter.Towns);

        _silo.Storage.FailStateWrites = true;
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Grain.SignAsync(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme)));
        _silo.Storage.FailStateWrites = false;

        Assert.False((await Grain.GetAsync()).FindParty(Shelter.Kelme)!.HasSigned);
        Assert.Single(await Grain.GetHistoryAsync(0, 100));
        var signed = await Grain.SignAsync(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme));
        Assert.True(signed.FindParty(Shelter.Kelme)!.HasSigned);
        Assert.Equal(2, (await Grain.GetHistoryAsync(0, 100)).Count);
    }

    /// <summary>The activity log's records about this test's agreement (the partners' registration is in it too).</summary>
    private async Task<List<ActivityRecord>> ActivityOfThisAgreementAsync()
    {
        var all = await _silo.Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).ReadAsync(0, 1000);
        return [.. all.Where(r => r.Subject == "agreement/" + _id)];
    }

    private async Task<string[]> AgreementsOfAsync(string municipalityId)
    {
        var page = await _silo.Storage.QueryAsync(AgreementIndex.ByParty(municipalityId));
        return [.. page.Items.Select(hit => hit.DocumentId)];
    }
}
