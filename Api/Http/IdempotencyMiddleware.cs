using System.Security.Cryptography;
using System.Text;
using Collaboration.Api.Errors;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Telemetry;

namespace Collaboration.Api.Http;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first answer (2xx or a 4xx the client caused) is stored with a hash of the
/// body and replayed for a retry with the same key and body; another body with the same key is 422. Keys are
/// scoped to the caller and the route, and forgotten after 24 hours. Concurrent duplicates wait for the first.
/// </summary>
public sealed class IdempotencyMiddleware(
    RequestDelegate next, IGrainFactory grains, ProblemWriter problems, CollaborationMetrics metrics, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;
    private const int Stripes = 256;
    private static readonly TimeSpan Retention = IdempotencyRetention.Period;

    // Striped gates serialise requests with the same scope (and, rarely, unrelated ones sharing a stripe) without
    // a dictionary that would need careful clean-up.
    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task InvokeAsync(HttpContext context, IdempotencyContext idempotency)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
        {
            await problems.WriteAsync(context, StatusCodes.Status400BadRequest,
                $"The Idempotency-Key header must be 1 to {MaxKeyLength} printable characters.");
            return;
        }

        var body = await ReadBodyAsync(context.Request);
        var requestHash = Hash(context.Request.Path + "\n" + context.Request.QueryString + "\n", body);
        var scope = Hash($"{context.User.Identity?.Name}\n{context.Request.Path}\n{key}", []);
        var grain = grains.GetGrain<IIdempotencyGrain>(scope);
        idempotency.Set(scope, requestHash);

        var gate = _gates[Convert.ToInt32(scope[..2], 16) % Stripes];
        await gate.WaitAsync(context.RequestAborted);
        try
        {
            if (await grain.GetAsync(Retention) is { } stored)
            {
                await ReplayAsync(context, stored, requestHash);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            // Stored before the client sees a byte: an answer a client received can always be replayed, even after a crash.
            var captured = buffer.ToArray();
            if (ShouldStore(context.Response.StatusCode))
            {
                await grain.SaveAsync(new StoredResponse(
                    requestHash,
                    context.Response.StatusCode,
                    context.Response.ContentType,
                    context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    context.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                    captured,
                    clock.GetUtcNow()));
            }

            await original.WriteAsync(captured, context.RequestAborted);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Answers caused by the server's state at the time (auth, limits, outages) are not final, so a retry runs again.</summary>
    private static bool ShouldStore(int status) =>
        status is >= 200 and < 500 and not (401 or 403 or 408 or 409 or 412 or 429);

    private async Task ReplayAsync(HttpContext context, StoredResponse stored, string requestHash)
    {
        if (stored.RequestHash != requestHash)
        {
            await problems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
            return;
        }

        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        response.Headers[ReplayedHeaderName] = "true";
        metrics.Replayed();
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    private static string Hash(string prefix, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(prefix));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
