namespace Collaboration.Api.Tests.Security.Support;

/// <summary>
/// Who may call each route, route by route. Every route of the route table must be here (the authorisation matrix fails
/// otherwise), and everything here must be a route: a new route cannot escape the matrix, nor a removed one linger.
/// </summary>
public static class RouteContracts
{
    private const Access Allowed = Access.Allowed;
    private const Access Forbidden = Access.Forbidden;

    public static IReadOnlyDictionary<string, RouteContract> All { get; } = new RouteContract[]
    {
        // Probes and the API's description: no key needed.
        new("GET /healthz", _ => "/healthz") { Anonymous = true },
        new("GET /readyz", _ => "/readyz") { Anonymous = true },
        new("GET /openapi/v1.json", _ => "/openapi/v1.json") { Anonymous = true },

        // Partners: the coordinator registers, issues keys, deactivates and reactivates; a partner edits only itself;
        // any key reads.
        new("POST /municipalities", w => "/municipalities", w => new { id = $"w{w.Suffix}-new", name = "New", country = "AT" })
            { Owner = Forbidden, Other = Forbidden },
        new("GET /municipalities", _ => "/municipalities"),
        new("GET /municipalities/{id}", w => $"/municipalities/{w.Owner}"),
        new("PUT /municipalities/{id}", w => $"/municipalities/{w.Owner}", _ => new { name = "Renamed", country = "SI" })
            { Other = Forbidden },
        new("POST /municipalities/{id}/api-key", w => $"/municipalities/{w.Owner}/api-key")
            { Owner = Forbidden, Other = Forbidden },
        new("POST /municipalities/{id}/deactivation", w => $"/municipalities/{w.Owner}/deactivation")
            { Owner = Forbidden, Other = Forbidden },
        new("POST /municipalities/{id}/reactivation", w => $"/municipalities/{w.Owner}/reactivation")
            { Owner = Forbidden, Other = Forbidden },

        // Projects: the coordinator registers; the coordinator or the lead corrects it and changes the partnership;
        // any key reads.
        new("POST /projects", w => "/projects", w => SecurityWorld.ProjectBody($"w{w.Suffix}-new", w.Owner, [w.Owner]))
            { Owner = Forbidden, Other = Forbidden },
        new("GET /projects", _ => "/projects"),
        new("GET /projects/{id}", w => $"/projects/{w.Project}"),
        new("GET /projects/{id}/eligibility", w => $"/projects/{w.Project}/eligibility"),
        new("PUT /projects/{id}", w => $"/projects/{w.Project}", _ => SecurityWorld.ProjectDetailsBody())
            { Other = Forbidden },
        new("POST /projects/{id}/partners", w => $"/projects/{w.Project}/partners", w => new { municipalityId = w.Outsider })
            { Other = Forbidden },
        new("DELETE /projects/{id}/partners/{municipalityId}", w => $"/projects/{w.Project}/partners/{w.Partner}")
            { Other = Forbidden },

        // Agreements: drafted by the coordinator or a party; each party signs and withdraws only itself (never the
        // coordinator); a party that signed, or the coordinator, admits a newcomer; any key reads.
        new("POST /agreements", _ => "/agreements", w => SecurityWorld.AgreementBody(w.Owner, w.Partner))
            { Other = Forbidden },
        new("GET /agreements", _ => "/agreements"),
        new("GET /agreements/{id}", w => $"/agreements/{w.UnsignedAgreement}"),
        new("GET /agreements/{id}/history", w => $"/agreements/{w.UnsignedAgreement}/history"),
        new("PUT /agreements/{id}", w => $"/agreements/{w.UnsignedAgreement}", _ => new { title = "Amended", areas = new[] { "tourism" }, text = "Amended text." })
            { Other = Forbidden },
        new("POST /agreements/{id}/signatures", w => $"/agreements/{w.UnsignedAgreement}/signatures", _ => new { signatory = "Mayor", role = "Mayor" })
            { Coordinator = Forbidden, Other = Forbidden },
        new("POST /agreements/{id}/parties", w => $"/agreements/{w.SignedAgreement}/parties", w => new { municipalityId = w.Outsider })
            { Other = Forbidden },
        new("DELETE /agreements/{id}/parties/{municipalityId}", w => $"/agreements/{w.UnsignedAgreement}/parties/{w.Owner}")
            { Coordinator = Forbidden, Other = Forbidden },

        // Events: a partner of the project (or the coordinator) records one; its host or the coordinator changes or
        // cancels it; participation is recorded by that town, the host or the coordinator; reports are public records.
        new("POST /projects/{id}/events", w => $"/projects/{w.Project}/events", w => SecurityWorld.EventBody(w.Owner))
            { Other = Forbidden },
        new("GET /projects/{id}/events", w => $"/projects/{w.Project}/events"),
        new("GET /events", _ => "/events?from=2017-01-01"),
        new("GET /events/{eventId}", w => $"/events/{w.Event}"),
        new("PUT /events/{eventId}", w => $"/events/{w.Event}", w => SecurityWorld.EventBody(w.Owner))
            { Other = Forbidden },
        new("POST /events/{eventId}/cancellation", w => $"/events/{w.Event}/cancellation", _ => new { reason = "Weather" })
            { Other = Forbidden },
        new("PUT /events/{eventId}/participation/{municipalityId}", w => $"/events/{w.Event}/participation/{w.Partner}", _ => new { participants = 12 })
            { Other = Forbidden },
        new("GET /events/{eventId}/report", w => $"/events/{w.Event}/report"),
        new("GET /projects/{id}/report", w => $"/projects/{w.Project}/report"),
        new("GET /projects/{id}/calendar.ics", w => $"/projects/{w.Project}/calendar.ics"),
        new("GET /projects/{id}/participants.csv", w => $"/projects/{w.Project}/participants.csv"),
        new("GET /municipalities/{id}/calendar.ics", w => $"/municipalities/{w.Owner}/calendar.ics"),

        // Exchanges: municipalities post, reply and adopt in their own name (never the coordinator); an adoption is
        // set by the adopting town itself (here the owner adopts the partner's practice); only its author edits an
        // exchange, its author or the coordinator withdraws it; any key reads.
        new("POST /exchanges", _ => "/exchanges", _ => SecurityWorld.ExchangeBody())
            { Coordinator = Forbidden },
        new("GET /exchanges", _ => "/exchanges"),
        new("GET /exchanges/{id}", w => $"/exchanges/{w.Exchange}"),
        new("PUT /exchanges/{id}", w => $"/exchanges/{w.OwnExchange}", _ => SecurityWorld.ExchangeBody())
            { Coordinator = Forbidden, Other = Forbidden },
        new("POST /exchanges/{id}/withdrawal", w => $"/exchanges/{w.OwnExchange}/withdrawal")
            { Other = Forbidden },
        new("GET /municipalities/{id}/exchanges", w => $"/municipalities/{w.Owner}/exchanges"),
        new("POST /exchanges/{id}/replies", w => $"/exchanges/{w.Exchange}/replies", _ => new { body = "Another reply." })
            { Coordinator = Forbidden },
        new("GET /exchanges/{id}/replies", w => $"/exchanges/{w.Exchange}/replies"),
        new("GET /exchanges/{id}/replies/{replyId}", w => $"/exchanges/{w.Exchange}/replies/{w.Reply}"),
        new("PUT /exchanges/{id}/adoptions/{municipalityId}", w => $"/exchanges/{w.Exchange}/adoptions/{w.Owner}", _ => new { status = "interested" })
            { Coordinator = Forbidden, Other = Forbidden },
        new("GET /exchanges/{id}/adoptions/{municipalityId}", w => $"/exchanges/{w.Exchange}/adoptions/{w.Owner}"),

        // Attention: a partner's inbox is its own (and the coordinator's to read); webhooks are their owner's.
        new("GET /municipalities/{id}/inbox", w => $"/municipalities/{w.Owner}/inbox") { Other = Forbidden },
        new("POST /municipalities/{id}/inbox/read", w => $"/municipalities/{w.Owner}/inbox/read", _ => new { upTo = 1 }) { Other = Forbidden },
        new("POST /webhooks", _ => "/webhooks", _ => SecurityWorld.WebhookBody("exchange.replied")),
        new("GET /webhooks", _ => "/webhooks"),
        new("GET /webhooks/{id}", w => $"/webhooks/{w.Webhook}") { Other = Forbidden },
        new("DELETE /webhooks/{id}", w => $"/webhooks/{w.Webhook}") { Other = Forbidden },
        new("GET /webhooks/{id}/deliveries", w => $"/webhooks/{w.Webhook}/deliveries") { Other = Forbidden },

        // Monitoring: the coordinator's alone; the dashboard page and its files (its own and the libraries it ships) load
        // without a key (the page asks for it).
        new("GET /network/summary", _ => "/network/summary") { Owner = Forbidden, Other = Forbidden },
        new("GET /network/graph", _ => "/network/graph") { Owner = Forbidden, Other = Forbidden },
        new("GET /network/statistics", _ => "/network/statistics") { Owner = Forbidden, Other = Forbidden },
        new("GET /network/inactive", _ => "/network/inactive") { Owner = Forbidden, Other = Forbidden },
        new("GET /network/events/upcoming", _ => "/network/events/upcoming") { Owner = Forbidden, Other = Forbidden },
        new("GET /network/activity", _ => "/network/activity") { Owner = Forbidden, Other = Forbidden },
        new("GET /network/activity/stream", _ => "/network/activity/stream") { Owner = Forbidden, Other = Forbidden },
        new("GET /network/alerts", _ => "/network/alerts") { Owner = Forbidden, Other = Forbidden },
        new("GET /dashboard", _ => "/dashboard") { Anonymous = true },

        // The Orleans dashboard: every route of it (page, files, data) the coordinator's alone, by key or session cookie.
        new("POST /orleans/session", _ => "/orleans/session") { Owner = Forbidden, Other = Forbidden },
        OrleansDashboard("GET /orleans", _ => "/orleans/"),
        OrleansDashboard("GET /orleans/index.html", _ => "/orleans/index.html"),
        OrleansDashboard("GET /orleans/favicon.ico", _ => "/orleans/favicon.ico"),
        OrleansDashboard("GET /orleans/index.min.js", _ => "/orleans/index.min.js"),
        OrleansDashboard("GET /orleans/index.css", _ => "/orleans/index.css"),
        OrleansDashboard("GET /orleans/fonts/{**path}", _ => "/orleans/fonts/fa-solid-900.woff2"),
        OrleansDashboard("GET /orleans/img/{**path}", _ => "/orleans/img/OrleansLogo.png"),
        OrleansDashboard("GET /orleans/version", _ => "/orleans/version"),
        OrleansDashboard("GET /orleans/DashboardCounters", _ => "/orleans/DashboardCounters"),
        OrleansDashboard("GET /orleans/ClusterStats", _ => "/orleans/ClusterStats"),
        OrleansDashboard("GET /orleans/Reminders", _ => "/orleans/Reminders"),
        OrleansDashboard("GET /orleans/Reminders/{page:int}", _ => "/orleans/Reminders/1"),
        OrleansDashboard("GET /orleans/HistoricalStats/{*path}", w => $"/orleans/HistoricalStats/{w.Silo}"),
        OrleansDashboard("GET /orleans/SiloProperties/{*address}", w => $"/orleans/SiloProperties/{w.Silo}"),
        OrleansDashboard("GET /orleans/SiloStats/{*address}", w => $"/orleans/SiloStats/{w.Silo}"),
        OrleansDashboard("GET /orleans/SiloCounters/{*address}", w => $"/orleans/SiloCounters/{w.Silo}"),
        OrleansDashboard("GET /orleans/GrainStats/{*grainName}", _ => "/orleans/GrainStats/Collaboration.Grains.Municipalities.MunicipalityGrain"),
        OrleansDashboard("GET /orleans/TopGrainMethods", _ => "/orleans/TopGrainMethods"),
        OrleansDashboard("GET /orleans/GrainState", w => $"/orleans/GrainState?grainId={w.Owner}&grainType=Collaboration.Grains.Municipalities.MunicipalityGrain"),
        OrleansDashboard("GET /orleans/GrainTypes", _ => "/orleans/GrainTypes"),
        OrleansDashboard("GET /orleans/SiloMetadata/{*address}", w => $"/orleans/SiloMetadata/{w.Silo}"),
        OrleansDashboard("GET /orleans/LifecycleStages", _ => "/orleans/LifecycleStages"),

        // The dashboard's log stream is switched off (HideTrace): the coordinator is refused too.
        OrleansDashboard("GET /orleans/Trace", _ => "/orleans/Trace") with { Coordinator = Forbidden },
    }
    .Concat(Collaboration.Api.Features.Dashboard.DashboardApi.FileNames.Select(file =>
        new RouteContract($"GET /dashboard/{file}", _ => $"/dashboard/{file}") { Anonymous = true }))
    .ToDictionary(c => c.Key);

    private static RouteContract OrleansDashboard(string key, Func<SecurityWorld, string> path) =>
        new(key, path) { Owner = Access.Forbidden, Other = Access.Forbidden };
}
