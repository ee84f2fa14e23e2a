using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Network;

/// <summary>
/// Answers the coordinators' questions about the whole network from state that is kept current as things
/// change: the secondary indexes (written atomically with each grain's state) and the network projection
/// (folded from the activity log). No question activates the grains it counts.
/// </summary>
public sealed class NetworkMonitor(IGrainIndex index, IGrainFactory grains, TimeProvider clock)
{
    private const int PageSize = 500;

    /// <summary>The country under which participants of a town no longer among the partners are counted.</summary>
    public const string UnknownCountry = "??";

    // Exchanges per theme, kept against the first page of the exchanges index (see GrainIndexExtensions.QueryDerivedAsync):
    // counted again only after an exchange changed.
    private static readonly ConditionalWeakTable<IndexPage, IReadOnlyDictionary<string, long>> ThemeCounts = new();

    private INetworkProjectionGrain Projection => grains.GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key);

    public async Task<NetworkSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var projection = await Projection.GetAsync();

        var partners = await ReadPartnersAsync(cancellationToken);
        var projects = await ReadProjectsAsync(cancellationToken);
        var activeProjects = projects.Count(p => p.Definition.StartDate <= today && today <= p.Definition.EndDate);

        // Events are read whole (bounded by the network's size): their payload carries status, dates and participation.
        var standing = (await ReadEventsAsync(new IndexQuery(IndexNames.Events) { Descending = false }, cancellationToken))
            .Where(e => e.Status != EventStatus.Cancelled)
            .ToList();
        var upcoming = standing.Count(e => e.Details.StartDate >= today);
        var participants = standing.Sum(e => e.Participation.Sum(p => (long)p.Participants));

        var exchanges = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<ExchangeKind>())
        {
            exchanges[ExchangeIndex.Name(kind)] = await index.CountAsync(new IndexQuery(ExchangeIndex.Exchanges) { Terms = [ExchangeIndex.KindTerm(kind)] }, cancellationToken);
        }

        var adoptions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var status in Enum.GetValues<AdoptionStatus>())
        {
            adoptions[ExchangeIndex.Name(status)] = await index.CountAsync(new IndexQuery(ExchangeIndex.Adoptions) { Terms = [ExchangeIndex.StatusTerm(status)] }, cancellationToken);
        }

        var inForce = await index.CountAsync(new IndexQuery(AgreementIndex.Name) { Terms = [AgreementIndex.Status(AgreementStatus.InForce)] }, cancellationToken);

        return new NetworkSummary(
            now,
            partners.Count,
            partners.Select(p => p.Profile.Country).Distinct(StringComparer.Ordinal).Count(),
            new ProjectCounts(projects.Count, activeProjects),
            new EventCounts(standing.Count - upcoming, upcoming),
            participants,
            exchanges,
            adoptions,
            inForce,
            projection.Position);
    }

    public async Task<NetworkGraph> GetGraphAsync(CancellationToken cancellationToken = default)
    {
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        var municipalities = new HashSet<string>(StringComparer.Ordinal);

        foreach (var partner in await ReadPartnersAsync(cancellationToken))
        {
            municipalities.Add(partner.Id);
            nodes.Add(new GraphNode(MunicipalityNode(partner.Id), "municipality", partner.Profile.Name, partner.Profile.Country));
        }

        foreach (var project in await ReadProjectsAsync(cancellationToken))
        {
            var id = "project/" + project.Id;
            nodes.Add(new GraphNode(id, "project", project.Definition.Acronym));
            edges.AddRange(project.Definition.Partners
                .Where(municipalities.Contains)
                .Select(p => new GraphEdge(MunicipalityNode(p), id, p == project.Definition.Lead ? "lead" : "partner")));
        }

        foreach (var hit in await index.QueryAllAsync(new IndexQuery(IndexNames.Agreements) { Descending = false }, cancellationToken))
        {
            var agreement = AgreementIndex.ReadSummary(hit);
            if (agreement.Status == AgreementStatus.Terminated)
            {
                continue;
            }

            var id = "agreement/" + agreement.Id;
            nodes.Add(new GraphNode(id, "agreement", agreement.Title));
            edges.AddRange(agreement.Parties
                .Where(p => municipalities.Contains(p.MunicipalityId))
                .Select(p => new GraphEdge(MunicipalityNode(p.MunicipalityId), id, "party")));
        }

        edges.AddRange(await ReadAdoptionEdgesAsync(municipalities, cancellationToken));
        return new NetworkGraph(nodes, edges);
    }

    /// <summary>The figures behind the dashboard's charts (see <see cref="NetworkStatistics"/>).</summary>
    public async Task<NetworkStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var partners = await index.PartnersByIdAsync(cancellationToken);
        var events = (await ReadEventsAsync(new IndexQuery(IndexNames.Events) { Descending = false }, cancellationToken))
            .Where(e => e.Status != EventStatus.Cancelled)
            .ToList();

        var byMonth = new SortedDictionary<DateOnly, (long Events, long Participants)>();
        var participantsByCountry = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var month = new DateOnly(e.Details.StartDate.Year, e.Details.StartDate.Month, 1);
            var (count, participants) = byMonth.GetValueOrDefault(month);
            byMonth[month] = (count + 1, participants + e.Participation.Sum(p => (long)p.Participants));
            foreach (var delegation in e.Participation)
            {
                // A town that left the partners index keeps its people counted, under no country.
                var country = partners.TryGetValue(delegation.MunicipalityId, out var town) ? town.Profile.Country : UnknownCountry;
                participantsByCountry[country] = participantsByCountry.GetValueOrDefault(country) + delegation.Participants;
            }
        }

        var months = new List<MonthFigures>();
        if (byMonth.Count > 0)
        {
            for (var month = byMonth.Keys.First(); month <= byMonth.Keys.Last(); month = month.AddMonths(1))
            {
                var (count, participants) = byMonth.GetValueOrDefault(month);
                months.Add(new MonthFigures(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), count, participants));
            }
        }

        var partnersByCountry = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var lastActivity = new SortedDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var projection = await Projection.GetAsync();
        foreach (var (id, partner) in partners)
        {
            partnersByCountry[partner.Profile.Country] = partnersByCountry.GetValueOrDefault(partner.Profile.Country) + 1;
            if (projection.LastActivity.TryGetValue(id, out var at))
            {
                lastActivity[id] = at;
            }
        }

        return new NetworkStatistics(
            clock.GetUtcNow(),
            months,
            partnersByCountry,
            participantsByCountry,
            await index.QueryDerivedAsync(new IndexQuery(ExchangeIndex.Exchanges), ThemeCounts, CountThemes, cancellationToken),
            lastActivity);
    }

    /// <summary>Partners without activity since <paramref name="days"/> days ago, those quiet the longest (or always) first.</summary>
    public async Task<IReadOnlyList<InactivePartner>> GetInactiveAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var cutoff = clock.GetUtcNow().AddDays(-days);
        var projection = await Projection.GetAsync();
        return (await ReadPartnersAsync(cancellationToken))
            .Select(p => new InactivePartner(
                p.Id, p.Profile.Name, p.Profile.Country, projection.LastActivity.TryGetValue(p.Id, out var at) ? at : null))
            .Where(p => p.LastActivityAt is not { } at || at < cutoff)
            .OrderBy(p => p.LastActivityAt ?? DateTimeOffset.MinValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Events not cancelled that start today or later, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingEvent>> GetUpcomingEventsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // The index is ordered by start day: begin at today (a cursor before any document of that day).
        var query = new IndexQuery(IndexNames.Events) { Descending = false, After = new IndexCursor(today.DayNumber, ""), Limit = PageSize };
        var events = new List<UpcomingEvent>(limit);
        await foreach (var hit in ReadFromAsync(query, cancellationToken))
        {
            var summary = Deserialize<EventSummary>(hit);
            if (summary.Status == EventStatus.Cancelled)
            {
                continue;
            }

            var d = summary.Details;
            events.Add(new UpcomingEvent(summary.Id, summary.ProjectId, d.Title, d.Kind, d.Host, d.Place, d.StartDate, d.EndDate));
            if (events.Count == limit)
            {
                break;
            }
        }

        return events;
    }

    private static IReadOnlyDictionary<string, long> CountThemes(IReadOnlyList<IndexHit> hits)
    {
        var themes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            foreach (var theme in Deserialize<ExchangeListItem>(hit).Themes.Select(ExchangeIndex.NormalizeTheme).Distinct(StringComparer.Ordinal))
            {
                themes[theme] = themes.GetValueOrDefault(theme) + 1;
            }
        }

        return themes;
    }

    private static string MunicipalityNode(string id) => "municipality/" + id;

    /// <summary>The active partners: a deactivated one leaves the counts, the graph and the quiet list.</summary>
    private async Task<List<MunicipalitySummary>> ReadPartnersAsync(CancellationToken cancellationToken) =>
        (await index.QueryAllAsync(new IndexQuery(IndexNames.Municipalities) { Descending = false }, cancellationToken))
        .Select(h => Deserialize<MunicipalitySummary>(h))
        .Where(p => p.Active)
        .ToList();

    private async Task<List<EventSummary>> ReadEventsAsync(IndexQuery query, CancellationToken cancellationToken) =>
        (await index.QueryAllAsync(query, cancellationToken)).Select(h => Deserialize<EventSummary>(h)).ToList();

    private async Task<List<ProjectSummary>> ReadProjectsAsync(CancellationToken cancellationToken) =>
        (await index.QueryAllAsync(new IndexQuery(IndexNames.Projects) { Descending = false }, cancellationToken))
        .Select(h => Deserialize<ProjectSummary>(h))
        .ToList();

    /// <summary>Adoption edges from the adoptions index: one per (adopter, author) pair, abandoned adoptions left out.</summary>
    private async Task<List<GraphEdge>> ReadAdoptionEdgesAsync(HashSet<string> municipalities, CancellationToken cancellationToken)
    {
        var pairs = new HashSet<(string Adopter, string Author)>();
        foreach (var hit in await index.QueryAllAsync(new IndexQuery(ExchangeIndex.Adoptions) { Descending = false }, cancellationToken))
        {
            var adoption = Deserialize<AdoptionRecord>(hit);
            var (adopter, author) = (adoption.MunicipalityId, adoption.Exchange.Author);
            if (adoption.Status != AdoptionStatus.Abandoned && adopter != author && municipalities.Contains(adopter) && municipalities.Contains(author))
            {
                pairs.Add((adopter, author));
            }
        }

        return pairs.Select(p => new GraphEdge(MunicipalityNode(p.Adopter), MunicipalityNode(p.Author), "adoption")).ToList();
    }

    /// <summary>Every hit from the query's own cursor on (QueryAllAsync starts at the beginning).</summary>
    private async IAsyncEnumerable<IndexHit> ReadFromAsync(IndexQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await index.QueryAsync(query, cancellationToken);
            foreach (var hit in page.Items)
            {
                yield return hit;
            }

            if (page.Next is null)
            {
                yield break;
            }

            query = query with { After = page.Next };
        }
    }

    private static T Deserialize<T>(IndexHit hit) =>
        JsonSerializer.Deserialize<T>(hit.Payload ?? throw new InvalidDataException($"Index document '{hit.DocumentId}' has no payload."), GrainStateSerializer.Options)
        ?? throw new InvalidDataException($"Index document '{hit.DocumentId}' has an empty payload.");
}
