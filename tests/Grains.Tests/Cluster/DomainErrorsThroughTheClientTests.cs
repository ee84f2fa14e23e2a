using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Cluster;

/// <summary>
/// A refusal thrown in a grain reaches the caller, here the cluster client (so it crosses serialization), as the
/// same exception: same type, message and fields, so that the Api answers it with the right status and body.
/// </summary>
[Collection(GrainCluster.Collection)]
public sealed class DomainErrorsThroughTheClientTests(GrainCluster cluster) : IAsyncLifetime
{
    private static readonly AgreementContent Content = new("Cooperation", ["culture"], "We cooperate.");

    private readonly ClusterScope _scope = new(cluster, new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));
    private readonly string _agreementId = AgreementIds.New();

    private string Kelme => _scope.Id("kelme");

    private string Gallese => _scope.Id("gallese");

    private IAgreementGrain Agreement => _scope.Cluster.Client.GetGrain<IAgreementGrain>(_agreementId);

    public async Task InitializeAsync()
    {
        foreach (var id in new[] { Kelme, Gallese })
        {
            var profile = new MunicipalityProfile(id, "LT", PartnerKind.Municipality, null, null, null, [], null);
            await _scope.Grains.GetGrain<IMunicipalityGrain>(id).CreateAsync(profile, "key-hash-of-" + id, Actor.Coordinator);
        }
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task AResourceNotFoundKeepsItsResourceAndId()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(Agreement.GetAsync);

        AssertSame(new ResourceNotFoundException("agreement", _agreementId), error);
        Assert.Equal(("agreement", _agreementId), (error.Resource, error.Id));
        Assert.Equal($"There is no agreement '{_agreementId}'.", error.Message);
    }

    [Fact]
    public async Task AConflictKeepsItsMessage()
    {
        await Agreement.DraftAsync(Actor.Coordinator, Content, [Kelme, Gallese]);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Agreement.DraftAsync(Actor.Coordinator, Content, [Kelme, Gallese]));

        AssertSame(new ConflictException($"Agreement {_agreementId} exists already."), error);
    }

    [Fact]
    public async Task AValidationErrorKeepsItsErrorsByField()
    {
        var (atlantis, lemuria) = (_scope.Id("atlantis"), _scope.Id("lemuria"));

        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Agreement.DraftAsync(Actor.Coordinator, Content, [Kelme, atlantis, lemuria]));

        var expected = new DomainValidationException("parties", $"There is no partner '{atlantis}', '{lemuria}'.");
        AssertSame(expected, error);
        Assert.Equal(expected.Errors.Keys, error.Errors.Keys);
        Assert.Equal(expected.Errors["parties"], error.Errors["parties"]);
    }

    [Fact]
    public async Task AForbiddenActAndAStalePreconditionKeepTheirMessages()
    {
        var drafted = await Agreement.DraftAsync(Actor.Coordinator, Content, [Kelme, Gallese]);
        await Agreement.SignAsync(Actor.Municipality(Kelme), new AgreementSignature("Mayor", "Mayor"));

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Agreement.SignAsync(Actor.Coordinator, new AgreementSignature("Someone", "Coordinator")));
        var stale = await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            Agreement.AmendAsync(Actor.Coordinator, Content with { Title = "New" }, drafted.ETagVersion));

        AssertSame(new ForbiddenException("The coordinator does not sign agreements; each party signs for itself with its own key."), forbidden);
        var current = await Agreement.GetAsync();
        AssertSame(
            new PreconditionFailedException(
                $"Agreement {_agreementId} changed since version {drafted.ETagVersion} was read (it is at {current.ETagVersion}); read it again and retry."),
            stale);
    }

    [Fact]
    public async Task AStorageOutageKeepsItsMessageAndWhenToRetry()
    {
        _scope.Cluster.Faults.RetryAfter = TimeSpan.FromSeconds(17);
        _scope.Cluster.Faults.FailStateWrites = true;

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => Agreement.DraftAsync(Actor.Coordinator, Content, [Kelme, Gallese]));

        Assert.Equal("State writes are switched off by the test.", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(17), error.RetryAfter);
    }

    private static void AssertSame(DomainException expected, DomainException actual)
    {
        Assert.IsType(expected.GetType(), actual);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Null(actual.InnerException);
    }
}
