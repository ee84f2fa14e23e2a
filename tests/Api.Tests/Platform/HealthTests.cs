using System.Net;
using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Platform;

/// <summary>Readiness while the storage does not answer (its health switched off), and after it answers again.</summary>
public sealed class HealthTests(HealthTests.SwitchedStorageFactory api) : IClassFixture<HealthTests.SwitchedStorageFactory>
{
    [Fact]
    public async Task ReadinessIs503WithTheFailingEntryWhileStorageIsDownAndLivenessStays200()
    {
        using var anonymous = api.CreateClient(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);

        api.Storage.Down = true;
        var ready = await anonymous.GetAsync("/readyz");
        var alive = await anonymous.GetAsync("/healthz");
        api.Storage.Down = false;
        var recovered = await anonymous.GetAsync("/readyz");

        var problem = await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(ready.Headers.RetryAfter);
        var storage = problem.GetProperty("entries").GetProperty("storage");
        Assert.Equal("unhealthy", storage.GetProperty("status").GetString());
        Assert.Equal("Storage did not answer the readiness check.", storage.GetProperty("description").GetString());
        Assert.Contains("storage", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    /// <summary>The real API whose storage health answers as the test says.</summary>
    public sealed class SwitchedStorageFactory : CollaborationApiFactory
    {
        public SwitchedStorageHealth Storage { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStorageHealth>(Storage));
        }
    }

    public sealed class SwitchedStorageHealth : IStorageHealth
    {
        private volatile bool _down;

        public bool Down
        {
            get => _down;
            set => _down = value;
        }

        public Task CheckAsync(CancellationToken cancellationToken = default) =>
            Down ? Task.FromException(new StorageUnavailableException("switched off by the test")) : Task.CompletedTask;
    }
}
