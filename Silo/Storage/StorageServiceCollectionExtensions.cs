using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage.AzureTable;
using Collaboration.Silo.Storage.Memory;
using Collaboration.Silo.Storage.Sqlite;
using Collaboration.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Silo.Storage;

/// <summary>Registers one storage provider as the single instance behind every storage interface.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Keeps everything in memory: for tests only.</summary>
    public static IServiceCollection AddMemoryStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<MemoryStorage>();
        return services.AddStorageInterfaces<MemoryStorage>();
    }

    /// <summary>Keeps everything in one SQLite file under <see cref="SqliteStorageOptions.DataPath"/>.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteStorageOptions>().Configure(configure);
        // The folder is claimed before the file is opened, and released after the storage is disposed (the container
        // disposes in the reverse order of creation). The hosted service claims it while the host starts, so a second
        // server on the same folder stops there instead of on its first request.
        services.AddSingleton(provider => DataFolderLock.Acquire(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DataPath));
        services.AddHostedService<DataFolderClaim>();
        services.AddSingleton(provider =>
        {
            provider.GetRequiredService<DataFolderLock>();
            return new SqliteStorage(
                provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
                provider.GetService<CollaborationMetrics>(),
                provider.GetService<ILogger<SqliteStorage>>());
        });
        return services.AddStorageInterfaces<SqliteStorage>();
    }

    /// <summary>Keeps everything in Azure Table storage (or Azurite) under <see cref="AzureTableStorageOptions.ConnectionString"/>.</summary>
    public static IServiceCollection AddAzureTableStorage(this IServiceCollection services, Action<AzureTableStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AzureTableStorageOptions>().Configure(configure);
        services.AddSingleton(provider => new AzureTableStorage(
            provider.GetRequiredService<IOptions<AzureTableStorageOptions>>().Value,
            provider.GetService<TimeProvider>()));
        return services.AddStorageInterfaces<AzureTableStorage>();
    }

    // The interfaces resolve to the provider's one instance: a state and its index entries must be written together.
    private static IServiceCollection AddStorageInterfaces<TStorage>(this IServiceCollection services)
        where TStorage : class, IGrainStateStore, IGrainIndex, IAppendLog, IStorageHealth
    {
        services.AddSingleton<IGrainStateStore>(provider => provider.GetRequiredService<TStorage>());
        services.AddSingleton<IGrainIndex>(provider => provider.GetRequiredService<TStorage>());
        services.AddSingleton<IAppendLog>(provider => provider.GetRequiredService<TStorage>());
        services.AddSingleton<IStorageHealth>(provider => provider.GetRequiredService<TStorage>());
        return services;
    }
}
