using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Hosting;
using Collaboration.Tests.Network;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collaboration.Api.Tests.Support;

/// <summary>
/// The real API on a real SQLite file in a fresh temporary folder, shared by the tests of one class.
/// Tests use ids of their own so that they do not see each other's data.
/// </summary>
public class CollaborationApiFactory : WebApplicationFactory<Program>
{
    public const string CoordinatorKey = "test-coordinator-key-0123456789";

    private readonly string _ownDataPath = Path.Combine(Path.GetTempPath(), "collaboration-api-tests", Guid.NewGuid().ToString("N"));

    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>The data folder of this host (a fresh temporary folder unless a derived fixture shares one).</summary>
    public virtual string DataPath => _ownDataPath;

    /// <summary>Whether disposing deletes <see cref="DataPath"/>; a fixture whose folder outlives it says no.</summary>
    protected virtual bool DeletesDataPath => true;

    /// <summary>Settings a derived fixture overrides (a provider, a limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public HttpClient CreateCoordinatorClient() => CreateClient(CoordinatorKey);

    /// <summary>Registers a partner through the API and returns its API key.</summary>
    public async Task<string> CreateMunicipalityAsync(string id, string country = "SI", string? name = null)
    {
        using var client = CreateCoordinatorClient();
        var response = await client.PostAsJsonAsync("/municipalities", new { id, name = name ?? id, country }, Json);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return body.GetProperty("apiKey").GetString()!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Collaboration:DataPath", DataPath);
        builder.UseSetting("Collaboration:CoordinatorKey", CoordinatorKey);
        builder.UseSetting("Collaboration:Limits:RequestsPerWindow", "100000");

        // Test classes run side by side, each host with a silo of its own: each needs ports of its own.
        builder.UseSetting("Collaboration:Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Collaboration:Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Collaboration:Orleans:ResponseTimeout", "00:00:10");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeletesDataPath)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown is left in the temp folder; it is not worth failing a test for.
            }
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CollaborationServices.ConfigureJson(options);
        return options;
    }
}
