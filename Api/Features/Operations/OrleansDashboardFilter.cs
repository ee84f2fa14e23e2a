namespace Collaboration.Api.Features.Operations;

/// <summary>
/// Around every route of the Orleans dashboard: the page's security headers, and a 404 instead of a 500 when the
/// dashboard fails on what the path names. Its routes take silo addresses and grain types from the path and query
/// (<c>/orleans/SiloStats/{address}</c>), and one the cluster does not have fails deep inside the dashboard with
/// whatever exception that code throws: the caller's to correct, not a fault of this server.
/// </summary>
internal sealed partial class OrleansDashboardFilter(ILogger<OrleansDashboardFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = OrleansDashboardApi.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        try
        {
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable })
            {
                // The dashboard says so in plain text; the API's outages are problem details with Retry-After.
                headers.RetryAfter = "5";
                return TypedResults.Problem(
                    detail: "The Orleans dashboard cannot reach the cluster right now. Retry after the time in Retry-After.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return result;
        }
        catch (Exception e) when (e is not (OrleansException or TimeoutException or OperationCanceledException))
        {
            // Orleans's own failures (a silo gone, a call timed out) stay 503, as everywhere in the API.
            LogNotFound(e, http.Request.Path);
            return TypedResults.Problem(
                detail: "The Orleans dashboard found nothing at this address: the silo address or grain type it names is not one of the cluster's.",
                statusCode: StatusCodes.Status404NotFound);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The Orleans dashboard could not answer {Path}")]
    private partial void LogNotFound(Exception exception, string path);
}
