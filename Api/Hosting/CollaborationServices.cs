using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.Api.Configuration;
using Collaboration.Api.Errors;
using Collaboration.Api.Features.Health;
using Collaboration.Api.Features.Network;
using Collaboration.Api.Hosting.OpenApi;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Network;
using Collaboration.Grains.Queries;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Collaboration.Api.Hosting;

/// <summary>Everything the API registers, in one place, so that Program.cs and test hosts compose the same app.</summary>
public static class CollaborationServices
{
    public const string OpenApiDocumentPolicy = "openapi-document";

    public static WebApplicationBuilder AddCollaboration(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CollaborationOptions.Section);
        var settings = section.Get<CollaborationOptions>() ?? new CollaborationOptions();
        var services = builder.Services;
        services.Configure<CollaborationOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.Limits.MaxRequestBodyBytes);
        builder.AddGrains();
        builder.AddApiTelemetry();

        services.Configure<JsonOptions>(json =>
        {
            ConfigureJson(json.SerializerOptions);

            // A field the API does not know is most often a typo ("partcipants"); ignoring it would lose the value silently.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Status = status;
            context.ProblemDetails.Title = ProblemTypes.TitleOf(status);
            context.ProblemDetails.Type = ProblemTypes.TypeOf(status);
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddSingleton<ProblemWriter>();
        services.AddScoped<IdempotencyContext>();

        services.AddSingleton<CoordinatorKey>();
        services.AddSingleton<ApiKeyCache>();
        services.AddHostedService<ApiKeyCacheEviction>();
        services.AddHostedService<CoordinatorKeyInitializer>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Coordinator, policy => policy.RequireRole(Roles.Coordinator))
            .AddPolicy(Roles.Municipality, policy => policy.RequireRole(Roles.Municipality));
        services.AddOrleansDashboardSession(settings);
        services.AddPerKeyRateLimiting(settings.Limits);
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [HealthApi.ReadinessTag], timeout: HealthApi.CheckTimeout);

        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<BearerSecurityTransformer>();
            openApi.AddOperationTransformer<BearerSecurityTransformer>();
            openApi.AddOperationTransformer<ContractOperationTransformer>();
            openApi.AddSchemaTransformer<ContractSchemaTransformer>();
            openApi.AddDocumentTransformer<ContractSchemaTransformer>();
        });

        // The OpenAPI document is the same until the process restarts: generated once (it takes a tenth of a second
        // or more), then served from the output cache.
        services.AddOutputCache(cache => cache.AddPolicy(OpenApiDocumentPolicy, policy => policy.Expire(TimeSpan.FromDays(365))));
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MaxDepth = 32;

        // The contract's numbers are JSON numbers; "12" is a string, and a client sending one has a bug worth hearing about.
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    /// <summary>
    /// The grains: a silo in this process (the default), or an Orleans client of silos started on their own. Either way
    /// the Api reaches state, indexes and the activity log only through grains.
    /// </summary>
    private static void AddGrains(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var orleans = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        switch (orleans.Mode)
        {
            case OrleansMode.CoHosted:
                // The silo's own services (its activity feed among them) are this process's.
                builder.UseOrleans(silo => silo.AddCollaborationSilo(builder.Configuration));
                break;
            case OrleansMode.Client:
                builder.UseOrleansClient(client =>
                {
                    client.UseCollaborationClustering(builder.Configuration);
                    client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = orleans.ResponseTimeout);
                    if (orleans.Dashboard)
                    {
                        // The page at /orleans, fed by the dashboard grains of the silos.
                        client.AddDashboard(OrleansDashboardSetup.Configure);
                    }

                    if (TelemetrySettings.From(builder.Configuration).Otlp)
                    {
                        // Grain calls join the request's trace, as on a silo (AddCollaborationSilo).
                        client.AddActivityPropagation();
                    }
                });
                services.AddCachedGrainInterfaceTypes();
                break;
            default:
                throw new InvalidOperationException($"Unknown Collaboration:Orleans:Mode '{orleans.Mode}'; use CoHosted or Client.");
        }

        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        services.AddLiveActivity(orleans.Mode, cluster.Provider);
        services.AddSingleton<IndexClient>();
    }
}
