using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;
using Collaboration.Silo.Storage.Sqlite;

namespace Collaboration.Api.Tests.Platform;

public sealed class DataFolderLockTests
{
    [Fact]
    public async Task ASecondHostOnTheSameDataFolderRefusesToStartNamingTheFolderAndTheFolderOpensAgainOnceTheFirstStops()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collaboration-api-tests", Guid.NewGuid().ToString("N"));
        using (var first = new SharedFolderFactory(folder, deletesDataPath: false))
        {
            using var coordinator = first.CreateCoordinatorClient();
            var created = await coordinator.PostAsJsonAsync("/municipalities", new { id = "kelme", name = "Kelmė", country = "LT" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            var second = new SharedFolderFactory(folder, deletesDataPath: false);
            var refused = Record.Exception(() => second.CreateCoordinatorClient());
            DisposeUnstarted(second);

            var inUse = FindInChain<DataFolderInUseException>(refused);
            Assert.True(inUse is not null, $"Expected the start to fail with DataFolderInUseException; got: {refused}");
            Assert.Equal(Path.GetFullPath(folder), inUse.Folder);
            Assert.Contains($"The data folder '{Path.GetFullPath(folder)}' is in use by another Collaboration server", inUse.Message, StringComparison.Ordinal);
            Assert.Contains("--Collaboration:DataPath=<folder>", inUse.Message, StringComparison.Ordinal);

            // The first server goes on serving, unaffected.
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/municipalities/kelme")).StatusCode);
        }

        using var third = new SharedFolderFactory(folder, deletesDataPath: true);
        using var again = third.CreateCoordinatorClient();
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/municipalities/kelme")).StatusCode);
    }

    /// <summary>
    /// A host that failed in its start cannot be stopped: WebApplicationFactory's dispose calls Host.StopAsync, which
    /// throws on a host whose hosted services were never built. It holds no lock (it never got one) and no port.
    /// </summary>
    private static void DisposeUnstarted(SharedFolderFactory factory)
    {
        try
        {
            factory.Dispose();
        }
        catch (ArgumentNullException)
        {
        }
    }

    private static T? FindInChain<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(FindInChain<T>).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }

    private sealed class SharedFolderFactory(string folder, bool deletesDataPath) : CollaborationApiFactory
    {
        public override string DataPath => folder;

        protected override bool DeletesDataPath => deletesDataPath;
    }
}
