using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.Api.Configuration;
using Collaboration.Api.Errors;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Network;
using Collaboration.Silo;
using Collaboration.Silo.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace Collaboration.Api.Hosting;

/// <summary>Everything the API registers, in one place, so that Program.cs and test hosts compose the same app.</summary>
public static class CollaborationServices
{
    public static WebApplicationBuilder AddCollaboration(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CollaborationOptions.Section);
        var settings = section.Get<CollaborationOptions>() ?? new CollaborationOptions();
        var services = builder.Services;
        services.Configure<CollaborationOptions>(section);
        services.AddSingleton(TimeProvider.System);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.Limits.MaxRequestBodyBytes);
        services.AddStorage(settings);
        services.AddSilo(silo => builder.Configuration.GetSection("Collaboration:Silo").Bind(silo))
            .AddGrainsFrom(typeof(IActivityLogGrain).Assembly);
        services.AddNetworkMonitoring();

        services.Configure<JsonOptions>(json => ConfigureJson(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddSingleton<ProblemWriter>();
        services.AddScoped<IdempotencyContext>();
        services.AddHostedService<IdempotencyJanitor>();

        services.AddSingleton<CoordinatorKey>();
        services.AddHostedService<CoordinatorKeyInitializer>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Coordinator, policy => policy.RequireRole(Roles.Coordinator))
            .AddPolicy(Roles.Municipality, policy => policy.RequireRole(Roles.Municipality));
        services.AddPerKeyRateLimiting(settings.Limits);

        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityTransformer>());
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

    private static void AddStorage(this IServiceCollection services, CollaborationOptions settings)
    {
        switch (settings.Storage.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                services.AddSqliteStorage(sqlite =>
                {
                    sqlite.DataPath = settings.DataPath;
                    sqlite.BusyTimeout = settings.Storage.BusyTimeout;
                    sqlite.CachedQueriesPerIndex = settings.Storage.CachedQueriesPerIndex;
                });
                break;
            case "memory":
                services.AddMemoryStorage();
                break;
            case "azuretable":
                var connectionString = settings.Storage.ConnectionString;
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Collaboration:Storage:Provider is AzureTable but Collaboration:Storage:ConnectionString is empty; " +
                        "give an Azure Storage connection string, or UseDevelopmentStorage=true for a local Azurite.");
                }

                services.AddAzureTableStorage(azure => azure.ConnectionString = connectionString);
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown storage provider '{settings.Storage.Provider}' in Collaboration:Storage:Provider; use Sqlite, AzureTable or Memory.");
        }
    }
}
