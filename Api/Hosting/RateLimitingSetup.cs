using System.Globalization;
using System.Threading.RateLimiting;
using Collaboration.Api.Configuration;
using Collaboration.Api.Errors;
using Collaboration.Api.Security;
using Collaboration.Grains.Domain;
using Collaboration.Silo.Telemetry;
using Microsoft.AspNetCore.RateLimiting;

namespace Collaboration.Api.Hosting;

/// <summary>A fixed window of requests per API key (per client address for requests without one), answered 429 with Retry-After.</summary>
internal static class RateLimitingSetup
{
    public static IServiceCollection AddPerKeyRateLimiting(this IServiceCollection services, LimitOptions limits)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            options.GlobalLimiter = new FixedWindowPerKeyLimiter(PartitionKey, limits.RequestsPerWindow, limits.Window, provider.GetRequiredKeyedService<TimeProvider>(DomainClock.Key));
            var metrics = provider.GetRequiredService<CollaborationMetrics>();
            options.OnRejected = async (rejected, _) =>
            {
                metrics.RateLimited(byKey: ApiKeys.HashOfBearerKey(rejected.HttpContext) is not null);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limits.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<ProblemWriter>();
                await problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"This API key sent more than {limits.RequestsPerWindow} requests in {limits.Window}. Retry after {seconds} s.",
                    headers: h => h.RetryAfter = seconds);
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context)
    {
        // Requests without a bearer key (or with a malformed header) share their client address's window.
        return ApiKeys.HashOfBearerKey(context) is { } hash ? "key:" + hash : "ip:" + context.Connection.RemoteIpAddress;
    }
}
