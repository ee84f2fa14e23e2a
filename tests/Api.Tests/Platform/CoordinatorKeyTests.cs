using System.Net;
using System.Reflection;
using Collaboration.Api.Configuration;
using Collaboration.Api.Security;
using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Access;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task AFrontThatAnotherFrontBeatToGeneratingTheKeyRemovesItsOwnFileAndTakesTheStoredHash()
    {
        using var folder = new TemporaryDataFolder();
        var options = Options.Create(new CollaborationOptions { DataPath = folder.Path, CoordinatorKey = null });
        var key = new CoordinatorKey(options, RacedCredential.Factory("hash-of-the-other-fronts-key"), NullLogger<CoordinatorKey>.Instance);

        Assert.Equal("hash-of-the-other-fronts-key", await key.GetHashAsync());
        Assert.False(File.Exists(Path.Combine(folder.Path, CoordinatorKey.FileName)));
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

    /// <summary>The network's credential as a front sees it when another front stores its hash in between its read and its write.</summary>
    private sealed class RacedCredential(string storedByTheOther) : ICoordinatorCredentialGrain
    {
        public Task<string?> GetKeyHashAsync() => Task.FromResult<string?>(null);

        public Task<string> InitializeAsync(string keyHash) => Task.FromResult(storedByTheOther);

        /// <summary>A grain factory that hands out only this credential.</summary>
        public static IGrainFactory Factory(string storedByTheOther)
        {
            var factory = DispatchProxy.Create<IGrainFactory, OneGrainFactory>();
            ((OneGrainFactory)(object)factory).Grain = new RacedCredential(storedByTheOther);
            return factory;
        }
    }

    /// <summary>Answers every GetGrain with the one grain it holds.</summary>
    public class OneGrainFactory : DispatchProxy
    {
        public object? Grain { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IGrainFactory.GetGrain) ? Grain : throw new NotSupportedException(targetMethod?.Name);
    }

    private sealed class TemporaryDataFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "collaboration-api-tests", Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
