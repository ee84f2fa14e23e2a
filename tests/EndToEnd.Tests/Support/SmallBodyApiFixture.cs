namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>One API process for a test class, with a small body limit (64 KiB) so that over-limit bodies stay small.</summary>
public sealed class SmallBodyApiFixture : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();

    public ApiProcess Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await ApiProcess.StartAsync(_folder.Path, new Dictionary<string, string>
    {
        ["Collaboration:Limits:MaxRequestBodyBytes"] = "65536",
    });

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        _folder.Dispose();
    }
}
