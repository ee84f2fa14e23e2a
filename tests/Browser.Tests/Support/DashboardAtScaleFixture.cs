namespace Collaboration.Browser.Tests.Support;

/// <summary>A running API filled with <see cref="NetworkAtScaleSeed"/> once, and a headless Chromium, for one test class.</summary>
public sealed class DashboardAtScaleFixture : IAsyncLifetime
{
    public DashboardFixture Browser { get; } = new();

    public NetworkAtScaleSeed Seed { get; private set; } = null!;

    /// <summary>How long seeding took, for the report.</summary>
    public TimeSpan SeedTime { get; private set; }

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        Seed = new NetworkAtScaleSeed(Browser.Api.BaseAddress);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Seed.SeedAsync();
        SeedTime = started.Elapsed;
    }

    public async Task DisposeAsync()
    {
        Seed?.Dispose();
        await Browser.DisposeAsync();
    }
}
