using System.Net;
using System.Net.Sockets;
using Collaboration.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Collaboration.Bench.Grains;

/// <summary>
/// A silo in this process configured as the product runs one (<see cref="CollaborationSiloExtensions.AddCollaborationSilo"/>:
/// its call filter, timeouts and collection settings), over the memory store, on free localhost ports.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public static async Task<BenchSilo> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collaboration:Storage:Provider"] = "Memory",
            ["Collaboration:Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Collaboration:Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Nothing may be collected while activations are counted: idle collection well beyond the run.
            ["Collaboration:Orleans:CollectionAge"] = "02:00:00",
            // The Silo project's appsettings.json (copied beside this binary) logs at Information.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });

        // Figures go to stdout, one per line, for bench/run; logs (warnings and worse) to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.UseOrleans(silo =>
        {
            silo.AddCollaborationSilo(builder.Configuration);
            silo.Configure<GrainCollectionOptions>(collection => collection.EnableActivationSheddingOnMemoryPressure = false);
        });

        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    /// <summary>Activations in the silo, system ones included.</summary>
    public Task<int> ActivationCountAsync() => Grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();

    public async ValueTask DisposeAsync()
    {
        // A bounded stop: deactivating 100,000 activations is not part of any figure.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
