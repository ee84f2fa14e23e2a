using Collaboration.Silo.Storage.Orleans;
using Orleans;
using Orleans.Runtime;
using Collaboration.Silo.Storage.Sqlite;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>Orleans reminders kept in the project's SQLite file: read back by grain, by hash range, and after the file is opened again.</summary>
public sealed class StoredReminderTableTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collaboration-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStorage> _opened = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AReminderIsReadBackAfterTheFileIsOpenedAgain()
    {
        var grain = GrainId.Create("alert-watch", "project/shelter");
        var etag = await Table().UpsertRow(Entry(grain, "evaluate", TimeSpan.FromDays(1)));
        await _opened[0].DisposeAsync();
        _opened.Clear();

        var reopened = Table();
        var row = await reopened.ReadRow(grain, "evaluate");

        Assert.NotNull(row);
        Assert.Equal((grain, "evaluate", Start, TimeSpan.FromDays(1), etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(["evaluate"], (await reopened.ReadRows(grain)).Reminders.Select(r => r.ReminderName));
        Assert.Null(await reopened.ReadRow(grain, "other"));
    }

    [Fact]
    public async Task AnUpsertReplacesTheReminderAndARemovalNeedsItsCurrentETag()
    {
        var table = Table();
        var grain = GrainId.Create("alert-watch", "agreement/ag-1");
        var first = await table.UpsertRow(Entry(grain, "evaluate", TimeSpan.FromDays(1)));
        var second = await table.UpsertRow(Entry(grain, "evaluate", TimeSpan.FromHours(2)));

        Assert.NotEqual(first, second);
        Assert.Equal(TimeSpan.FromHours(2), (await table.ReadRow(grain, "evaluate"))!.Period);
        Assert.False(await table.RemoveRow(grain, "evaluate", first!));
        Assert.True(await table.RemoveRow(grain, "evaluate", second!));
        Assert.Null(await table.ReadRow(grain, "evaluate"));
        Assert.Empty((await table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task RangesOfTheHashRingFindEachReminderOnce()
    {
        var table = Table();
        var grains = Enumerable.Range(1, 40).Select(i => GrainId.Create("alert-watch", $"municipality/town-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "evaluate", TimeSpan.FromDays(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var middle = hashes[hashes.Count / 2];

        var all = await table.ReadRows(0, 0);
        var lower = await table.ReadRows(0, middle);
        var upper = await table.ReadRows(middle, 0);

        Assert.Equal(grains.Count, all.Reminders.Count);
        Assert.Equal(hashes.Count(h => h > 0 && h <= middle), lower.Reminders.Count);
        Assert.Equal(
            grains.Select(g => g.ToString()).Order(StringComparer.Ordinal),
            lower.Reminders.Concat(upper.Reminders).Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
    }

    private StoredReminderTable Table()
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { DataPath = _folder, BusyTimeout = TimeSpan.FromSeconds(5) });
        _opened.Add(storage);
        return new StoredReminderTable(storage, storage);
    }

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = period };
}
