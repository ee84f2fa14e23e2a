using Collaboration.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Network.Support;

/// <summary>The real API on Kestrel, on a free loopback port: streams go over real sockets, as a browser's would.</summary>
public sealed class KestrelApiFactory : CollaborationApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    /// <summary>Where the server listens (starts it on first use).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>A client of its own (its own connection pool), with the coordinator's key.</summary>
    public HttpClient CreateSocketClient(string? apiKey = CoordinatorKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }
}
