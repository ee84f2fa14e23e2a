using System.Globalization;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// Two processes: a silo started on its own (<c>dotnet Collaboration.Silo.dll</c>) and an Api as its Orleans client
/// (<c>Collaboration:Orleans:Mode=Client</c>), each with a data folder of its own, both gone on dispose.
/// </summary>
public sealed class ClientModeFront : IAsyncDisposable
{
    /// <summary>How long one request may take on a loaded machine before the test fails instead of waiting on.</summary>
    public static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(30);

    private ClientModeFront(TemporaryFolder siloFolder, TemporaryFolder apiFolder, SiloProcess silo, ApiProcess api)
    {
        SiloFolder = siloFolder;
        ApiFolder = apiFolder;
        Silo = silo;
        Api = api;
    }

    public TemporaryFolder SiloFolder { get; }

    public TemporaryFolder ApiFolder { get; }

    public SiloProcess Silo { get; }

    public ApiProcess Api { get; }

    public static async Task<ClientModeFront> StartAsync()
    {
        var siloFolder = new TemporaryFolder();
        var apiFolder = new TemporaryFolder();
        SiloProcess? silo = null;
        try
        {
            silo = await SiloProcess.StartAsync(siloFolder.Path);
            var api = await ApiProcess.StartAsync(apiFolder.Path, new Dictionary<string, string>
            {
                ["Collaboration:Orleans:Mode"] = "Client",
                ["Collaboration:Orleans:GatewayPort"] = silo.GatewayPort.ToString(CultureInfo.InvariantCulture),
            });
            return new ClientModeFront(siloFolder, apiFolder, silo, api);
        }
        catch
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }

            siloFolder.Dispose();
            apiFolder.Dispose();
            throw;
        }
    }

    /// <summary>A client of the Api with <paramref name="apiKey"/> (none when null), bound to <see cref="RequestBound"/>.</summary>
    public HttpClient CreateClient(string? apiKey) => Api.CreateClient(apiKey, RequestBound);

    public async ValueTask DisposeAsync()
    {
        // The client first, so that it does not retry a silo that is going away.
        await Api.DisposeAsync();
        await Silo.DisposeAsync();
        ApiFolder.Dispose();
        SiloFolder.Dispose();
    }
}
