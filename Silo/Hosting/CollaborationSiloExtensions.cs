using Collaboration.Grains.Activity;
using Collaboration.Grains.Attention;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Network;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Webhooks;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Orleans;
using Collaboration.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;

namespace Collaboration.Silo.Hosting;

/// <summary>What a Collaboration silo hosts, the same whether it runs alone or inside the Api.</summary>
public static class CollaborationSiloExtensions
{
    /// <summary>Grain addresses a silo remembers (Orleans's directory cache): a network's partners, projects and events several times over.</summary>
    internal const int DirectoryCacheSize = 16_384;

    /// <summary>
    /// Configures the silo from the <c>Collaboration</c> section: its cluster (<see cref="CollaborationClustering"/>), the
    /// configured store as the grain storage named <see cref="GrainStorage.Name"/> (with its indexes and logs), and the
    /// services the grains take in their constructors.
    /// </summary>
    public static ISiloBuilder AddCollaborationSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        var orleans = settings.Orleans;
        var telemetry = TelemetrySettings.From(configuration);

        silo.UseCollaborationClustering(configuration);
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = orleans.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = orleans.CollectionAge);
        // Orleans caches the address of every activation registered here and keeps it after the activation is gone
        // (unregistrations go in batches, which leave the cache alone). With its default bound of a million, every
        // exchange ever posted stayed in it, and the dashboard's cache-size gauge counts the entries one by one every
        // second. Bounded, the least recently used go; a grain on another silo not in it costs one directory lookup.
        silo.Configure<GrainDirectoryOptions>(directory => directory.CacheSize = DirectoryCacheSize);
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        if (telemetry.Otlp)
        {
            // Grain calls join the caller's trace. Only when traces go somewhere: the filters cost every call.
            silo.AddActivityPropagation();
        }

        var services = silo.Services;
        services.AddCachedGrainInterfaceTypes();
        services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CollaborationMetrics>();
        services.AddConfiguredStore(settings);
        if (telemetry.Metrics)
        {
            SearchTimingIndex.Register(services);
        }

        services.AddGrainStorage(GrainStorage.Name, static (provider, _) => new IndexedGrainStorage(provider.GetRequiredService<IGrainStateStore>(), provider.GetRequiredService<IGrainFactory>()));

        // Reminders (the alert watches wake on them) live in the same store as the states, whichever it is.
        silo.AddReminders();
        services.AddSingleton<IReminderTable, StoredReminderTable>();

        // Webhooks: one pooled HTTP client; a webhook with deliveries pending is woken by a reminder of WakePeriod.
        var webhooks = configuration.GetSection(WebhookOptions.Section);
        services.AddOptions<WebhookOptions>().Bind(webhooks);
        services.TryAddSingleton<WebhookSender>();
        var wakePeriod = (webhooks.Get<WebhookOptions>() ?? new WebhookOptions()).WakePeriod;
        silo.Configure<ReminderOptions>(reminders =>
            reminders.MinimumReminderPeriod = wakePeriod < reminders.MinimumReminderPeriod ? wakePeriod : reminders.MinimumReminderPeriod);
        // The log's followers are woken by the records of this silo's feed, which has records only while the activity log
        // lives here: with several silos they run where the log runs, once per cluster (their start-up catch-up, on
        // every silo, is harmless: each follower is one grain that reads the log from its own position).
        services.TryAddSingleton<ActivityFeed>();
        services.AddHostedService<NetworkProjectionPump>();
        services.AddHostedService<AttentionPump>();
        silo.AddOrleansDashboardWhenOn(configuration);

        // Expired Idempotency-Key answers are swept by one grain on a reminder, once per cluster.
        services.AddHostedService<IdempotencyJanitorSchedule>();
        return silo;
    }

    private static void AddConfiguredStore(this IServiceCollection services, SiloSettings settings)
    {
        var storage = settings.Storage;
        switch (storage.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                services.AddSqliteStorage(sqlite =>
                {
                    sqlite.DataPath = settings.DataPath;
                    sqlite.BusyTimeout = storage.BusyTimeout;
                    sqlite.CachedQueriesPerIndex = storage.CachedQueriesPerIndex;
                    sqlite.ReadConnectionCacheKiB = storage.ReadConnectionCacheKiB;
                });
                break;
            case "memory":
                services.AddMemoryStorage();
                break;
            case "azuretable":
                if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Collaboration:Storage:Provider is AzureTable but Collaboration:Storage:ConnectionString is empty; " +
                        "give an Azure Storage connection string, or UseDevelopmentStorage=true for a local Azurite.");
                }

                services.AddAzureTableStorage(azure => azure.ConnectionString = storage.ConnectionString);
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown storage provider '{storage.Provider}' in Collaboration:Storage:Provider; use Sqlite, AzureTable or Memory.");
        }
    }
}
