using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Security.Support;

/// <summary>
/// A small network of fresh resources for one request: an owner (the resource's own municipality: itself, the project's
/// lead, a party), a partner, an outsider; a project led by the owner with the partner; an agreement of owner and
/// partner nobody signed; and one the owner signed. Ids are unique to the world, so worlds never meet.
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

    public static async Task<SecurityWorld> CreateAsync(CollaborationApiFactory api)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        string Id(string role) => $"w{suffix}-{role}";
        var ownerKey = await api.CreateMunicipalityAsync(Id("owner"), "SI");
        await api.CreateMunicipalityAsync(Id("partner"), "IT");
        var outsiderKey = await api.CreateMunicipalityAsync(Id("outsider"), "HR");
        using var coordinator = api.CreateCoordinatorClient();
        using var owner = api.CreateClient(ownerKey);
        (await coordinator.PostAsJsonAsync("/projects", ProjectBody(Id("project"), Id("owner"), [Id("owner"), Id("partner")]))).EnsureSuccessStatusCode();
        var unsigned = await DraftAsync(owner, Id("owner"), Id("partner"));
        var signed = await DraftAsync(owner, Id("owner"), Id("partner"));
        (await owner.PostAsJsonAsync($"/agreements/{signed}/signatures", new { signatory = "Mayor", role = "Mayor" })).EnsureSuccessStatusCode();
        return new SecurityWorld(suffix) { OwnerKey = ownerKey, OutsiderKey = outsiderKey, UnsignedAgreement = unsigned, SignedAgreement = signed };
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

    public static object AgreementBody(string a, string b) => new
    {
        title = "Security test agreement",
        areas = new[] { "culture" },
        parties = new[] { a, b },
        text = "We cooperate.",
    };

    private static async Task<string> DraftAsync(HttpClient client, string a, string b)
    {
        var created = await (await client.PostAsJsonAsync("/agreements", AgreementBody(a, b))).AssertJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
