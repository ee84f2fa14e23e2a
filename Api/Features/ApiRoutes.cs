using Collaboration.Api.Features.Agreements;
using Collaboration.Api.Features.Alerts;
using Collaboration.Api.Features.Benchmark;
using Collaboration.Api.Features.Dashboard;
using Collaboration.Api.Features.Events;
using Collaboration.Api.Features.Exchanges;
using Collaboration.Api.Features.Health;
using Collaboration.Api.Features.Inbox;
using Collaboration.Api.Features.Metrics;
using Collaboration.Api.Features.Municipalities;
using Collaboration.Api.Features.Network;
using Collaboration.Api.Features.Operations;
using Collaboration.Api.Features.Projects;
using Collaboration.Api.Features.Webhooks;
using Collaboration.Api.Hosting;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Telemetry;

namespace Collaboration.Api.Features;

public static class ApiRoutes
{
    private const string SwaggerUiPath = "/swagger";

    /// <summary>Every route of the API, one line per feature.</summary>
    public static WebApplication MapCollaborationApis(this WebApplication app)
    {
        // One document at a fixed path: "/openapi/{documentName}.json" answered unknown names with a plain-text 404.
        app.MapOpenApi("/openapi/v1.json").AllowAnonymous().DisableRateLimiting().CacheOutput(CollaborationServices.OpenApiDocumentPolicy);
        // Only on its own paths: the UI's middleware matches two regular expressions against the path of every GET.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(SwaggerUiPath), branch => branch.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "Collaboration API v1");
            ui.RoutePrefix = SwaggerUiPath[1..];
        }));
        app.MapHealthApi();
        if (TelemetrySettings.From(app.Configuration).Metrics)
        {
            app.MapMetricsApi();
        }

        app.MapCeilingApi(app.Configuration);
        app.MapMunicipalitiesApi();
        app.MapProjectsApi();
        app.MapAgreementsApi();
        app.MapEventsApi();
        app.MapExchangesApi();
        app.MapNetworkApi();
        app.MapInboxApi();
        app.MapAlertsApi();
        app.MapWebhooksApi();
        app.MapDashboard();
        if (OrleansDashboardSetup.IsOn(app.Configuration))
        {
            app.MapOrleansDashboardApi();
        }

        return app;
    }
}
