using Collaboration.Api.Tests.Support;
using Collaboration.Tests.Azurite;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>
/// The real API with <c>Collaboration:Storage:Provider=AzureTable</c>, on an Azurite of its own that this fixture
/// installs, starts before the host and kills after it.
/// </summary>
public sealed class AzureTableApiFactory : CollaborationApiFactory, IAsyncLifetime
{
    private AzuriteServer? _azurite;

    public AzuriteServer Azurite => _azurite ?? throw new InvalidOperationException("Azurite starts in InitializeAsync.");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Collaboration:Storage:Provider"] = "AzureTable",
        ["Collaboration:Storage:ConnectionString"] = Azurite.ConnectionString,
    };

    public async Task InitializeAsync() => _azurite = await AzuriteServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
