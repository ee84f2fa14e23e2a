using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Agreements;

/// <summary>
/// Partners registered for one test, under ids of their own (the host is shared by the test class), each with
/// a client carrying its key; and the calls the agreement tests make again and again.
/// </summary>
internal sealed class AgreementNetwork(CollaborationApiFactory api) : IDisposable
{
    public static readonly string[] ShelterTowns = ["canepina", "gallese", "herceg-novi", "novo-mesto", "kelme", "laragne-monteglin"];

    public static readonly string[] ShelterAreas =
    [
        "European citizenship", "democratic inclusion", "volunteering", "decision-making processes", "solidarity",
        "debates on the common future and shared values", "promotion of peace", "networking", "culture", "tourism",
        "sustainable development", "urban mobility",
    ];

    /// <summary>The names the SHELTER towns are registered under; any other town is registered under its id.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShelterNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["canepina"] = "Canepina",
        ["gallese"] = "Gallese",
        ["herceg-novi"] = "Herceg Novi",
        ["novo-mesto"] = "Novo mesto",
        ["kelme"] = "Kelmė",
        ["laragne-monteglin"] = "Laragne-Montéglin",
    };

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<string, HttpClient> _clients = [];

    public HttpClient Coordinator { get; } = api.CreateCoordinatorClient();

    /// <summary>The id under which <paramref name="town"/> is registered for this test.</summary>
    public string Id(string town) => $"{town}-{_suffix}";

    public HttpClient As(string town) => _clients[town];

    public async Task AddAsync(params string[] towns)
    {
        foreach (var town in towns)
        {
            _clients[town] = api.CreateClient(await api.CreateMunicipalityAsync(Id(town), name: ShelterNames.GetValueOrDefault(town)));
        }
    }

    public object DraftBody(params string[] towns) => new
    {
        title = "SHELTER partnership agreement",
        areas = ShelterAreas,
        parties = towns.Select(Id).ToArray(),
        text = "The partners agree to keep cooperating after the SHELTER project in the areas listed.",
    };

    /// <summary>Drafts an agreement between <paramref name="towns"/> as <paramref name="client"/>; returns its id.</summary>
    public async Task<string> DraftAsync(HttpClient client, params string[] towns)
    {
        var created = await (await client.PostAsJsonAsync("/agreements", DraftBody(towns))).AssertJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> SignAsync(string agreementId, string town, HttpClient? client = null) =>
        (client ?? As(town)).PostAsJsonAsync($"/agreements/{agreementId}/signatures", new { signatory = $"Mayor of {town}", role = "Mayor" });

    /// <summary>Drafts an agreement between <paramref name="towns"/> (by the first) and has every one sign it.</summary>
    public async Task<string> InForceAsync(params string[] towns)
    {
        var id = await DraftAsync(As(towns[0]), towns);
        foreach (var town in towns)
        {
            await (await SignAsync(id, town)).AssertJsonAsync(HttpStatusCode.OK);
        }

        return id;
    }

    public async Task<JsonElement> GetAsync(string agreementId) =>
        await (await Coordinator.GetAsync($"/agreements/{agreementId}")).AssertJsonAsync(HttpStatusCode.OK);

    public async Task<string?> StatusAsync(string agreementId) => (await GetAsync(agreementId)).GetProperty("status").GetString();

    public void Dispose()
    {
        Coordinator.Dispose();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
