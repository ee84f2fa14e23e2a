using System.Reflection;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Features.Network;

/// <summary>
/// The activity log as a <c>text/event-stream</c> response that lasts until the client leaves or the host stops
/// (so that a shutdown never waits for open streams).
/// </summary>
public sealed class ActivityStreamResult(long after) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/event-stream";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var writer = new ActivityStreamWriter(
            services.GetRequiredService<IGrainFactory>().GetGrain<IActivityLogGrain>(IActivityLogGrain.Key),
            services.GetRequiredKeyedService<ActivityFeed>(LiveActivity.Key),
            services.GetRequiredKeyedService<TimeProvider>(DomainClock.Key),
            services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var metrics = services.GetRequiredService<CollaborationMetrics>();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        metrics.StreamOpened();
        try
        {
            await writer.WriteAsync(response.Body, after, ended.Token);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client left or the host is stopping: the stream simply ends; the client resumes with Last-Event-ID.
        }
        finally
        {
            metrics.StreamClosed();
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ActivityItem), [ContentType]));
}
