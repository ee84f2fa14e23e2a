using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Collaboration.Tests.Webhooks;

/// <summary>
/// A real webhook receiver: Kestrel on a loopback port the OS picks, answering POST /hook. It records every request,
/// checks nothing itself, and answers as the test says (<see cref="Answer"/>): 200, a failure status, or not yet.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<ReceivedDelivery> _received = [];
    private readonly List<(Func<IReadOnlyList<ReceivedDelivery>, bool> Condition, TaskCompletionSource Done)> _waiting = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Decides each answer from the request (200 unless it says otherwise); it may wait, to hold a delivery open.</summary>
    public Func<ReceivedDelivery, Task<HttpStatusCode>> Answer { get; set; } = _ => Task.FromResult(HttpStatusCode.OK);

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First() + "/hook");
        return receiver;
    }

    /// <summary>Every request so far, in arrival order, with the answer each got.</summary>
    public IReadOnlyList<ReceivedDelivery> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The deliveries answered 200, each once (the first time), in the order they were answered.</summary>
    public IReadOnlyList<ReceivedDelivery> Accepted =>
        Received.Where(d => d.Status == HttpStatusCode.OK).DistinctBy(d => d.DeliveryId).ToList();

    /// <summary>Completes once the requests received satisfy <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<ReceivedDelivery>, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(_received))
            {
                return Task.CompletedTask;
            }

            _waiting.Add((condition, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    /// <summary>Whether <paramref name="delivery"/> carries the HMAC-SHA256 of its raw body keyed with <paramref name="secret"/>.</summary>
    public static bool IsSignedWith(ReceivedDelivery delivery, string secret) =>
        delivery.Signature == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery.RawBody));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var delivery = new ReceivedDelivery(
            request.Headers["X-Collaboration-Delivery"].ToString(),
            request.Headers["X-Collaboration-Signature"].ToString(),
            request.ContentType,
            buffer.ToArray(),
            HttpStatusCode.OK);
        var status = await Answer(delivery);
        lock (_lock)
        {
            _received.Add(delivery with { Status = status });
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                if (_waiting[i].Condition(_received))
                {
                    _waiting[i].Done.TrySetResult();
                    _waiting.RemoveAt(i);
                }
            }
        }

        return Results.StatusCode((int)status);
    }
}
