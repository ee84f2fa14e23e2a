using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Tests.Exchanges.Support;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Exchanges;

[Collection(GrainCluster.Collection)]
public sealed class ExchangeGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly ExchangeSilo _silo = new(cluster);

    private string NovoMesto => _silo.Id("novo-mesto");

    private string Canepina => _silo.Id("canepina");

    private string Shelter => _silo.Id("shelter");

    private string Access => _silo.Id("access");

    private string Atlantis => _silo.Id("atlantis");

    private string NoSuchProject => _silo.Id("no-such-project");

    public async Task InitializeAsync()
    {
        await _silo.AddMunicipalityAsync(NovoMesto, "SI");
        await _silo.AddMunicipalityAsync(Canepina, "IT");
        await _silo.AddProjectAsync(Shelter, Canepina, NovoMesto);
        await _silo.AddProjectAsync(Access, Canepina);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static NewExchange Draft(string? projectId = null) =>
        new(ExchangeKind.GoodPractice, "Local partnership", "Municipality and NGOs", "The charter.", ["Integration", "NGOs"], projectId, "en");

    [Fact]
    public async Task AMunicipalityPostsAnExchangeAsItsAuthorWithItsCountryAtTheSilosTime()
    {
        var id = ExchangeIds.NewExchangeId();

        var posted = await _silo.Grains.GetGrain<IExchangeGrain>(id).PostAsync(Actor.Municipality(NovoMesto), Draft());

        Assert.Equal(id, posted.Id);
        Assert.Equal(NovoMesto, posted.Author);
        Assert.Equal("SI", posted.AuthorCountry);
        Assert.Equal(_silo.Clock.GetUtcNow(), posted.CreatedAt);
        Assert.Equal(["integration", "ngos"], posted.Themes);
        Assert.Equal(posted, await _silo.Grains.GetGrain<IExchangeGrain>(id).GetAsync(), new ExchangeRecordComparer());
    }

    [Fact]
    public async Task ACoordinatorCannotPostAnExchange()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Coordinator, Draft()));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task AMunicipalityTheNetworkDoesNotKnowCannotPost()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Municipality(Atlantis), Draft()));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task APartnerOfTheProjectMayTieItsExchangeToIt()
    {
        var posted = await _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId())
            .PostAsync(Actor.Municipality(NovoMesto), Draft(projectId: Shelter));

        Assert.Equal(Shelter, posted.ProjectId);
    }

    [Fact]
    public async Task AnExchangeCannotBeTiedToAProjectItsAuthorIsNotAPartnerOf()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Municipality(NovoMesto), Draft(Access)));

        Assert.Contains(Access, error.Message, StringComparison.Ordinal);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task AnExchangeCannotBeTiedToAProjectThatDoesNotExist()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => grain.PostAsync(Actor.Municipality(NovoMesto), Draft(NoSuchProject)));

        Assert.Equal(["projectId"], error.Errors.Keys);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task ATownThatLeftTheProjectCanNoLongerPostUnderIt()
    {
        await _silo.Grains.GetGrain<IProjectGrain>(Shelter).RemovePartnerAsync(NovoMesto, Actor.Coordinator);
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Municipality(NovoMesto), Draft(Shelter)));
    }

    [Fact]
    public async Task AnIdHoldsOneExchangeOnly()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());
        var first = await grain.PostAsync(Actor.Municipality(NovoMesto), Draft());

        await Assert.ThrowsAsync<ConflictException>(() => grain.PostAsync(Actor.Municipality(Canepina), Draft()));
        Assert.Equal(NovoMesto, (await grain.GetAsync())!.Author);
        Assert.Equal(first.CreatedAt, (await grain.GetAsync())!.CreatedAt);
    }

    [Fact]
    public async Task AnInvalidExchangeIsRefusedAndNothingIsStored()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => grain.PostAsync(Actor.Municipality(NovoMesto), Draft() with { Title = " ", Themes = [] }));

        Assert.Equal(["themes", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task TheAuthorsCountryIsTheOneItHadWhenItPosted()
    {
        var posted = await _silo.PostAsync(NovoMesto);

        await _silo.AddMunicipalityAsync(NovoMesto, "HR");

        Assert.Equal("SI", (await _silo.Grains.GetGrain<IExchangeGrain>(posted.Id).GetAsync())!.AuthorCountry);
    }

    [Fact]
    public async Task PostingIsRecordedInTheNetworkActivity()
    {
        var posted = await _silo.PostAsync(Canepina, title: "Hosting families");

        var entry = Assert.Single(await _silo.ActivityAsync(), a => a.Type.StartsWith("exchange.", StringComparison.Ordinal));

        Assert.Equal("exchange.posted", entry.Type);
        Assert.Equal(Canepina, entry.Actor);
        Assert.Equal($"exchange/{posted.Id}", entry.Subject);
        Assert.Contains("Hosting families", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExchangeSurvivesItsActivationBeingCollected()
    {
        var posted = await _silo.PostAsync(Canepina);
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(posted.Id);

        await _silo.Cluster.CollectEverythingAsync();

        Assert.False(_silo.Cluster.IsActive(grain));
        Assert.Equal(posted, await grain.GetAsync(), new ExchangeRecordComparer());
    }

    /// <summary>Records hold lists, which records compare by reference; exchanges are equal when their values are.</summary>
    private sealed class ExchangeRecordComparer : IEqualityComparer<ExchangeRecord?>
    {
        public bool Equals(ExchangeRecord? x, ExchangeRecord? y) =>
            x is not null && y is not null && x.Themes.SequenceEqual(y.Themes) && x == y with { Themes = x.Themes };

        public int GetHashCode(ExchangeRecord? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
