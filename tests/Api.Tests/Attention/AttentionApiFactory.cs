using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Domain;
using Collaboration.Tests.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Attention;

/// <summary>The API on SQLite with a domain clock the test moves (Orleans's own timers stay on real time) and webhooks to loopback allowed.</summary>
public sealed class AttentionApiFactory : CollaborationApiFactory
{
    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Loopback receivers, and retries quick enough for a test to watch them.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Collaboration:Webhooks:AllowLoopbackHttp"] = "true",
        ["Collaboration:Webhooks:RetryDelay"] = "00:00:00.050",
        ["Collaboration:Webhooks:MaxRetryDelay"] = "00:00:00.200",
        ["Collaboration:Webhooks:WakePeriod"] = "00:00:05",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock));
    }
}
