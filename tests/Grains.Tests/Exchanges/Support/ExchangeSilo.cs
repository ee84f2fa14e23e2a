using Collaboration.Grains.Access;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Exchanges.Support;

/// <summary>
/// A test's share of the grain cluster with a test clock, with helpers to register partners and projects and to post,
/// reply and adopt. Its <see cref="Catalog"/> reads this test's exchanges only (<see cref="ClusterScope.OwnIndex"/>).
/// </summary>
public sealed class ExchangeSilo : ClusterScope
{
    public ExchangeSilo(GrainCluster cluster)
        : base(cluster, new DateTimeOffset(2017, 10, 12, 9, 0, 0, TimeSpan.Zero)) =>
        Catalog = new ExchangeCatalog(Grains, OwnIndex);

    public ExchangeCatalog Catalog { get; }

    /// <summary>Registers a partner through its grain, as the coordinator does; again with another country, moves it.</summary>
    public async Task AddMunicipalityAsync(string id, string country)
    {
        var grain = Grains.GetGrain<IMunicipalityGrain>(id);
        var profile = new MunicipalityProfile(id, country, PartnerKind.Municipality, null, null, null, [], null);
        if (await grain.GetAsync() is null)
        {
            await grain.CreateAsync(profile, $"key-of-{id}", Actor.Coordinator);
        }
        else
        {
            await grain.UpdateProfileAsync(profile, null, Actor.Coordinator);
        }
    }

    /// <summary>Registers a project through its grain with these partners, the first one leading.</summary>
    public Task AddProjectAsync(string id, params string[] partners) =>
        Grains.GetGrain<IProjectGrain>(id).CreateAsync(
            new ProjectDefinition(
                id.ToUpperInvariant(), $"Project {id}", Programme.EuropeForCitizens, Measure.NetworkOfTowns, null, null,
                new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31), partners[0], partners, [], null),
            Actor.Coordinator);

    public Task<ExchangeRecord> PostAsync(
        string author,
        string title = "Local partnership with NGOs",
        ExchangeKind kind = ExchangeKind.GoodPractice,
        string[]? themes = null,
        string summary = "How a town and its NGOs integrate newcomers together.",
        string? body = null,
        string? projectId = null) =>
        Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId())
            .PostAsync(Actor.Municipality(author), new NewExchange(kind, title, summary, body, themes ?? ["integration"], projectId));

    public async Task<AdoptionRecord> AdoptAsync(string exchangeId, string municipalityId, AdoptionStatus status, string? note = null) =>
        (await Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(exchangeId, municipalityId))
            .SetStatusAsync(Actor.Municipality(municipalityId), status, note)).Adoption;

    public Task<ReplyRecord> ReplyAsync(string exchangeId, string author, string body) =>
        Grains.GetGrain<IReplyGrain>(ExchangeIds.NewReplyId()).PostAsync(Actor.Municipality(author), exchangeId, body);
}
