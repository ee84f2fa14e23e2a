using Collaboration.Tests.Network;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Browser.Tests.Support;

/// <summary>The real API on Kestrel on a free loopback port, over a SQLite file in a fresh temporary folder.</summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string CoordinatorKey = "browser-test-coordinator-key-0123456789";

    public ApiHost() => UseKestrel(0);

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "collaboration-browser-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Collaboration:DataPath", DataPath);
        builder.UseSetting("Collaboration:CoordinatorKey", CoordinatorKey);
        builder.UseSetting("Collaboration:Limits:RequestsPerWindow", "100000");
        builder.UseSetting("Collaboration:Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Collaboration:Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown stays in the temp folder; not worth failing the test for.
            }
        }
    }
}
