using System.Net;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Platform;

public sealed class CoordinatorKeyTests
{
    [Fact]
    public async Task WithoutAConfiguredKeyTheFirstStartWritesOneToTheDataFolderAndLaterStartsKeepIt()
    {
        using var first = new GeneratedKeyFactory();
        using (var anonymous = first.CreateClient(apiKey: null))
        {
            // The key is made on the first authentication.
            await (await anonymous.GetAsync("/municipalities")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var keyFile = Path.Combine(first.DataPath, "coordinator.key");
        Assert.True(File.Exists(keyFile));
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();
        using (var coordinator = first.CreateClient(key))
        {
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/municipalities")).StatusCode);
        }

        // A second host on the same data folder finds the stored hash and keeps the key.
        using var second = new GeneratedKeyFactory(first.DataPath);
        using var again = second.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/municipalities")).StatusCode);
        Assert.Equal(key, (await File.ReadAllTextAsync(keyFile)).Trim());
    }

    private sealed class GeneratedKeyFactory(string? sharedDataPath = null) : CollaborationApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Collaboration:CoordinatorKey"] = "",
            ["Collaboration:DataPath"] = DataPath,
        };

        public override string DataPath => sharedDataPath ?? base.DataPath;
    }
}
