using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Domain;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Sqlite;
using Collaboration.Tests.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Reliability.Support;

/// <summary>The API on SQLite with a clock the test moves and storage writes the test can make fail.</summary>
public sealed class ReliabilityApiFactory : CollaborationApiFactory
{
    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Set once the host is built (the first client creates it).</summary>
    public StorageFaults Faults => Services.GetRequiredService<StorageFaults>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
            services.AddSingleton(sp => new StorageFaults(sp.GetRequiredService<SqliteStorage>()));
            services.AddSingleton<IGrainStateStore>(sp => sp.GetRequiredService<StorageFaults>());
        });
    }
}
