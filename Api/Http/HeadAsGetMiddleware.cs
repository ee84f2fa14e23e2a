using Microsoft.AspNetCore.Http.Features;

namespace Collaboration.Api.Http;

/// <summary>
/// Answers <c>HEAD</c> on every <c>GET</c> route (RFC 9110, section 9.3.2): the request is routed and authorised as the
/// GET it mirrors, with the same status and headers (ETag, Content-Type), and the body is thrown away. Runs before
/// routing, so that the GET endpoint is the one matched. The live activity stream is left out: its answer never ends.
/// </summary>
public sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    private const string LiveStream = "/network/activity/stream";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsHead(request.Method) || request.Path.StartsWithSegments(LiveStream, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }
    }
}
