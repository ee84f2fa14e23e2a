using Collaboration.Api.Http;

namespace Collaboration.Api.Hosting;

public static class CollaborationPipeline
{
    /// <summary>
    /// The middleware order matters: HEAD becomes GET before routing matches an endpoint (and before
    /// the error pages, whose bodies it drops too); guards before any work; rate
    /// limits before authentication's storage lookups.
    /// </summary>
    public static WebApplication UseCollaboration(this WebApplication app)
    {
        app.UseMiddleware<HeadAsGetMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMetricsPort();
        app.UseRouting();
        app.UseMiddleware<RequestGuardMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
