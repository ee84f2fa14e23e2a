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
    public async Task A_municipality_posts_an_exchange_as_its_author_with_its_country_at_the_silos_time()
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
    public async Task A_coordinator_cannot_post_an_exchange()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Coordinator, Draft()));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task A_municipality_the_network_does_not_know_cannot_post()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Municipality(Atlantis), Draft()));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task A_partner_of_the_project_may_tie_its_exchange_to_it()
    {
        var posted = await _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId())
            .PostAsync(Actor.Municipality(NovoMesto), Draft(projectId: Shelter));

        Assert.Equal(Shelter, posted.ProjectId);
    }

    [Fact]
    public async Task An_exchange_cannot_be_tied_to_a_project_its_author_is_not_a_partner_of()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Municipality(NovoMesto), Draft(Access)));

        Assert.Contains(Access, error.Message, StringComparison.Ordinal);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task An_exchange_cannot_be_tied_to_a_project_that_does_not_exist()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => grain.PostAsync(Actor.Municipality(NovoMesto), Draft(NoSuchProject)));

        Assert.Equal(["projectId"], error.Errors.Keys);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task A_town_that_left_the_project_can_no_longer_post_under_it()
    {
        await _silo.Grains.GetGrain<IProjectGrain>(Shelter).RemovePartnerAsync(NovoMesto, Actor.Coordinator);
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.PostAsync(Actor.Municipality(NovoMesto), Draft(Shelter)));
    }

    [Fact]
    public async Task An_id_holds_one_exchange_only()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());
        var first = await grain.PostAsync(Actor.Municipality(NovoMesto), Draft());

        await Assert.ThrowsAsync<ConflictException>(() => grain.PostAsync(Actor.Municipality(Canepina), Draft()));
        Assert.Equal(NovoMesto, (await grain.GetAsync())!.Author);
        Assert.Equal(first.CreatedAt, (await grain.GetAsync())!.CreatedAt);
    }

    [Fact]
    public async Task An_invalid_exchange_is_refused_and_nothing_is_stored()
    {
        var grain = _silo.Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId());

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => grain.PostAsync(Actor.Municipality(NovoMesto), Draft() with { Title = " ", Themes = [] }));

        Assert.Equal(["themes", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task The_authors_country_is_the_one_it_had_when_it_posted()
    {
        var posted = await _silo.PostAsync(NovoMesto);

        await _silo.AddMunicipalityAsync(NovoMesto, "HR");

        Assert.Equal("SI", (await _silo.Grains.GetGrain<IExchangeGrain>(posted.Id).GetAsync())!.AuthorCountry);
    }

    [Fact]
    public async Task Posting_is_recorded_in_the_network_activity()
    {
        var posted = await _silo.PostAsync(Canepina, title: "Hosting families");

        var entry = Assert.Single(await _silo.ActivityAsync(), a => a.Type.StartsWith("exchange.", StringComparison.Ordinal));

        Assert.Equal("exchange.posted", entry.Type);
        Assert.Equal(Canepina, entry.Actor);
        Assert.Equal($"exchange/{posted.Id}", entry.Subject);
        Assert.Contains("Hosting families", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exchange_survives_its_activation_being_collected()
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
