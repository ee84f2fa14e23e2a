using Collaboration.Api.Configuration;
using Collaboration.Api.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Api.Http;

/// <summary>
/// Refuses, before any work, a path with a NUL character (400), bodies that are too large (413) or not JSON (415),
/// whatever server runs the app:
/// Kestrel enforces the size limit itself, but the check here also covers other servers and chunked bodies.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next, IOptions<CollaborationOptions> options, ProblemWriter problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            // Kestrel refuses %00 in a path itself, with a bare 400, before the app runs (README, Errors); other
            // servers and proxies may pass it on decoded, and then no route must treat it as part of an id.
            await problems.WriteAsync(context, StatusCodes.Status400BadRequest,
                "The path contains a NUL character (%00); no address of this API has one. Remove it from the URL.");
            return;
        }

        var limit = options.Value.Limits.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            await problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is {request.ContentLength} bytes; at most {limit} are accepted.");
            return;
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && !request.HasJsonContentType())
        {
            await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "Send the body as JSON with 'Content-Type: application/json'.");
            return;
        }

        if (hasBody && MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && mediaType.Charset.HasValue)
        {
            // JSON between systems is UTF-8 (RFC 8259); another or unknown charset would fail deep in the JSON reader,
            // and so would a quoted "UTF-8", which is why the label is rewritten plainly.
            if (!IsUtf8(mediaType.Charset.Value!))
            {
                await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                    "Send JSON as UTF-8: 'Content-Type: application/json' or 'application/json; charset=utf-8'.");
                return;
            }

            request.ContentType = $"{mediaType.MediaType.Value}; charset=utf-8";
        }

        if (hasBody)
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            {
                sizeFeature.MaxRequestBodySize = limit;
            }

            request.Body = new LengthLimitedStream(request.Body, limit);
        }

        await next(context);
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Trim() is var name
        && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));
}
