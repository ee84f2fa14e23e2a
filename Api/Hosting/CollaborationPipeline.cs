using Collaboration.Api.Http;

namespace Collaboration.Api.Hosting;

public static class CollaborationPipeline
{
    /// <summary>The middleware order matters: guards before any work; rate limits before authentication's storage lookups.</summary>
    public static WebApplication UseCollaboration(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMetricsPort();
        app.UseMiddleware<RequestGuardMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
