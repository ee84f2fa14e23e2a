using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Security.Support;

/// <summary>
/// A small network of fresh resources for one request: an owner (the resource's own municipality: itself, the project's
/// lead, a party), a partner, an outsider; a project led by the owner with the partner; an agreement of owner and
/// partner nobody signed; and one the owner signed; an event of the project hosted by the owner; an exchange the partner
/// posted, with a reply of the partner and the owner's adoption; the partner's delegation to the event is recorded. Ids are unique to the world, so worlds never meet.
/// </summary>
public sealed class SecurityWorld
{
    private SecurityWorld(string suffix) => Suffix = suffix;

    public string Suffix { get; }

    public string Owner => $"w{Suffix}-owner";

    public string Partner => $"w{Suffix}-partner";

    public string Outsider => $"w{Suffix}-outsider";

    public string Project => $"w{Suffix}-project";

    public required string OwnerKey { get; init; }

    public required string OutsiderKey { get; init; }

    public required string UnsignedAgreement { get; init; }

    public required string SignedAgreement { get; init; }

    public required string Event { get; init; }

    public required string Exchange { get; init; }

    /// <summary>An exchange the owner posted (the one above is the partner's).</summary>
    public required string OwnExchange { get; init; }

    public required string Reply { get; init; }

    /// <summary>A webhook of the owner.</summary>
    public required string Webhook { get; init; }

    /// <summary>The host's silo, as the Orleans dashboard's routes name it.</summary>
    public required string Silo { get; init; }

    public static async Task<SecurityWorld> CreateAsync(CollaborationApiFactory api)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        string Id(string role) => $"w{suffix}-{role}";
        var ownerKey = await api.CreateMunicipalityAsync(Id("owner"), "SI");
        var partnerKey = await api.CreateMunicipalityAsync(Id("partner"), "IT");
        var outsiderKey = await api.CreateMunicipalityAsync(Id("outsider"), "HR");
        using var coordinator = api.CreateCoordinatorClient();
        using var owner = api.CreateClient(ownerKey);
        using var partner = api.CreateClient(partnerKey);
        (await coordinator.PostAsJsonAsync("/projects", ProjectBody(Id("project"), Id("owner"), [Id("owner"), Id("partner")]))).EnsureSuccessStatusCode();
        var unsigned = await DraftAsync(owner, Id("owner"), Id("partner"));
        var signed = await DraftAsync(owner, Id("owner"), Id("partner"));
        (await owner.PostAsJsonAsync($"/agreements/{signed}/signatures", new { signatory = "Mayor", role = "Mayor" })).EnsureSuccessStatusCode();
        var @event = await CreatedIdAsync(await owner.PostAsJsonAsync($"/projects/{Id("project")}/events", EventBody(Id("owner"))));
        (await owner.PutAsJsonAsync($"/events/{@event}/participation/{Id("partner")}", new { participants = 10 })).EnsureSuccessStatusCode();
        var exchange = await CreatedIdAsync(await partner.PostAsJsonAsync("/exchanges", ExchangeBody()));
        (await owner.PutAsJsonAsync($"/exchanges/{exchange}/adoptions/{Id("owner")}", new { status = "interested" })).EnsureSuccessStatusCode();
        var reply = await CreatedIdAsync(await partner.PostAsJsonAsync($"/exchanges/{exchange}/replies", new { body = "A reply." }));
        var webhook = await CreatedIdAsync(await owner.PostAsJsonAsync("/webhooks", WebhookBody("exchange.replied")));
        var ownExchange = await CreatedIdAsync(await owner.PostAsJsonAsync("/exchanges", ExchangeBody()));
        return new SecurityWorld(suffix)
        {
            OwnerKey = ownerKey,
            OutsiderKey = outsiderKey,
            UnsignedAgreement = unsigned,
            SignedAgreement = signed,
            Event = @event,
            Exchange = exchange,
            OwnExchange = ownExchange,
            Reply = reply,
            Webhook = webhook,
            Silo = api.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToParsableString(),
        };
    }

    public static object ProjectBody(string id, string lead, string[] partners) => new
    {
        id,
        acronym = "SEC",
        title = "Security test project",
        programme = "europeForCitizens",
        measure = "networkOfTowns",
        startDate = "2026-01-01",
        endDate = "2026-12-31",
        lead,
        partners,
    };

    public static object ProjectDetailsBody() => new
    {
        acronym = "SEC",
        title = "Security test project, corrected",
        startDate = "2026-01-01",
        endDate = "2026-12-31",
    };

    public static object AgreementBody(string a, string b) => new
    {
        title = "Security test agreement",
        areas = new[] { "culture" },
        parties = new[] { a, b },
        text = "We cooperate.",
    };

    public static object EventBody(string host) => new
    {
        title = "Security test event",
        kind = "workshop",
        host,
        place = "Novo mesto",
        startDate = "2026-03-10",
        endDate = "2026-03-12",
        description = "to test who may do what",
    };

    /// <summary>A webhook to an https receiver (nothing is delivered unless an item of its kind comes).</summary>
    public static object WebhookBody(string kind) => new { url = "https://hooks.example.org/collaboration", kinds = new[] { kind } };

    public static object ExchangeBody() => new
    {
        kind = "goodPractice",
        title = "Security test practice",
        summary = "A practice to test who may do what.",
        themes = new[] { "integration" },
    };

    private static async Task<string> DraftAsync(HttpClient client, string a, string b) =>
        await CreatedIdAsync(await client.PostAsJsonAsync("/agreements", AgreementBody(a, b)));

    private static async Task<string> CreatedIdAsync(HttpResponseMessage response) =>
        (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
}
