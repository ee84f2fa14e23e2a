using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Collaboration.Tests.Network;

namespace Collaboration.Api.Tests.Telemetry.Support;

/// <summary>
/// An OTLP/HTTP endpoint on a free loopback port that keeps what exporters send (protobuf bodies, by path such as
/// <c>/v1/traces</c>). Protobuf writes strings and ids as their bytes, so a test finds a route or a trace id in a body
/// without decoding it. An <see cref="HttpListener"/>, not ASP.NET Core: its own requests would be traced and
/// exported to it again.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _receiving;

    public OtlpReceiver()
    {
        Endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePorts.Next()}");
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _receiving = ReceiveAsync();
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public string Endpoint { get; }

    /// <summary>The bodies received on <paramref name="path"/> so far.</summary>
    public IReadOnlyList<byte[]> Bodies(string path) => [.. _received.Where(r => r.Path == path).Select(r => r.Body)];

    public void Dispose()
    {
        _listener.Close();
        _receiving.Wait();
    }

    private async Task ReceiveAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
