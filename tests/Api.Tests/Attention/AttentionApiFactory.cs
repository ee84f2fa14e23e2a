using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Domain;
using Collaboration.Tests.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Attention;

/// <summary>The API on SQLite with a domain clock the test moves (Orleans's own timers stay on real time).</summary>
public sealed class AttentionApiFactory : CollaborationApiFactory
{
    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock));
    }
}
