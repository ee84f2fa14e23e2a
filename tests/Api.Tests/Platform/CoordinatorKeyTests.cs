using System.Net;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Platform;

public sealed class CoordinatorKeyTests
{
    [Fact]
    public async Task WithoutAConfiguredKeyTheFirstStartWritesOneToTheDataFolderAndLaterStartsKeepIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collaboration-api-tests", Guid.NewGuid().ToString("N"));
        var keyFile = Path.Combine(folder, "coordinator.key");
        string key;
        using (var first = new GeneratedKeyFactory(folder, deletesDataPath: false))
        {
            using (var anonymous = first.CreateClient(apiKey: null))
            {
                // The key is made on the first authentication.
                await (await anonymous.GetAsync("/municipalities")).AssertProblemAsync(HttpStatusCode.Unauthorized);
            }

            Assert.True(File.Exists(keyFile));
            key = (await File.ReadAllTextAsync(keyFile)).Trim();
            using var coordinator = first.CreateClient(key);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/municipalities")).StatusCode);
        }

        // The next server on the same data folder (one at a time: the folder belongs to one process) finds the
        // stored hash and keeps the key.
        using var second = new GeneratedKeyFactory(folder, deletesDataPath: true);
        using var again = second.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/municipalities")).StatusCode);
        Assert.Equal(key, (await File.ReadAllTextAsync(keyFile)).Trim());
    }

    private sealed class GeneratedKeyFactory(string folder, bool deletesDataPath) : CollaborationApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Collaboration:CoordinatorKey"] = "",
        };

        public override string DataPath => folder;

        protected override bool DeletesDataPath => deletesDataPath;
    }
}
