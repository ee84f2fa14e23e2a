using Collaboration.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// Crash durability, process level: the API runs on a SQLite data folder, clients write concurrently, the process is
/// killed with SIGKILL after a number of acknowledged writes, and a restart on the same folder must show every
/// acknowledged write exactly once; retries of the writes that got no answer, with their Idempotency-Keys, must not
/// duplicate anything. Two kill cycles here; <c>bench/crash</c> runs many.
/// </summary>
public sealed class CrashDurabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesAKillMidLoadExactlyOnceAndRetriesDuplicateNothing()
    {
        var settings = CrashSettings.FromEnvironment();
        using var folder = new TemporaryFolder();
        var ledger = new WriteLedger();
        var reports = new List<DurabilityReport>();

        var api = await ApiProcess.StartAsync(folder.Path);
        try
        {
            var network = await CrashNetwork.SeedAsync(api, settings.Clients);
            for (var cycle = 1; cycle <= settings.Cycles; cycle++)
            {
                await network.SeedProjectAsync(api, cycle);
                var kill = ledger.ArmKill(settings.AcknowledgementsPerCycle);
                var load = new CrashWorkload(api, network, ledger, cycle).RunAsync();

                // A count of acknowledged writes, not a timer, decides when; the clients are still writing then.
                await Task.WhenAny(kill, load);
                Assert.True(kill.IsCompleted, $"The workload ended before {settings.AcknowledgementsPerCycle} acknowledgements:{Environment.NewLine}{api.RecentOutput}");
                await api.KillAsync();
                await load;
                await api.DisposeAsync();

                api = await ApiProcess.StartAsync(folder.Path);
                var report = await new DurabilityCheck(api, network, ledger).VerifyCycleAsync(cycle);
                reports.Add(report);
                output.WriteLine(report.ToString());
                await AppendResultAsync(settings, report);
                Assert.True(report.Problems.Count == 0, string.Join(Environment.NewLine, report.Problems.Take(40)));
            }
        }
        finally
        {
            await api.DisposeAsync();
        }

        Assert.All(reports, r => Assert.True(r.AcknowledgedThisCycle >= settings.AcknowledgementsPerCycle));
        Assert.Equal(0, reports.Sum(r => r.Lost));
        Assert.Equal(0, reports.Sum(r => r.Duplicated));
    }

    private static async Task AppendResultAsync(CrashSettings settings, DurabilityReport report)
    {
        if (settings.ResultsFile is { } file)
        {
            await File.AppendAllTextAsync(file, report + Environment.NewLine);
        }
    }
}
