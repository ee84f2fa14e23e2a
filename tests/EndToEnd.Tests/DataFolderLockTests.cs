using System.Net;
using Collaboration.EndToEnd.Tests.Support;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// One server process per data folder, between real processes: the second one started on a folder exits with a message
/// that names the folder, and a folder whose server was killed with SIGKILL is not left locked.
/// </summary>
public sealed class DataFolderLockTests
{
    [Fact]
    public async Task ASecondServerProcessOnTheSameFolderExitsSayingWhyAndTheFolderOpensAfterTheFirstIsKilled()
    {
        using var folder = new TemporaryFolder();
        await using (var first = await ApiProcess.StartAsync(folder.Path))
        {
            using var coordinator = first.CreateClient(ApiProcess.CoordinatorKey);
            var created = await coordinator.PostAsync("/municipalities", new StringContent(
                """{"id":"gallese","name":"Gallese","country":"IT"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            var (exitCode, output) = await ApiProcess.RunUntilItExitsAsync(folder.Path);

            Assert.Equal(1, exitCode);
            // The host logs its failed start (with the exception); the process also says why on a line of its own.
            Assert.Contains(
                output.Split(Environment.NewLine),
                line => line.StartsWith($"The data folder '{Path.GetFullPath(folder.Path)}' is in use by another Collaboration server", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/municipalities/gallese")).StatusCode);

            // A crash: no shutdown code runs, the operating system drops the lock with the process.
            await first.KillAsync();
        }

        await using var next = await ApiProcess.StartAsync(folder.Path);
        using var again = next.CreateClient(ApiProcess.CoordinatorKey);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/municipalities/gallese")).StatusCode);
    }
}
