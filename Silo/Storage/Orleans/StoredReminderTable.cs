using System.Globalization;
using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Orleans;

/// <summary>
/// Orleans reminders kept in the project's own store, beside the grain states (SQLite, Azure Table or memory), so
/// they are as durable as the states they serve. Each reminder is one state record with one index entry in
/// <see cref="IndexName"/>, whose sort key is the grain's uniform hash: the reminder service reads its share of the
/// hash ring as a range of that index, and a grain's reminders by their <c>grain</c> term.
/// </summary>
internal sealed class StoredReminderTable(IGrainStateStore store, IGrainIndex index) : IReminderTable
{
    public const string IndexName = "reminders";
    private const string GrainType = "reminder";
    private const string StateName = "reminder";
    private const int PageSize = 500;

    public Task Init() => Task.CompletedTask;

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var hits = await index.QueryAllAsync(new IndexQuery(IndexName) { Terms = [new IndexTerm("grain", grainId.ToString())], Descending = false });
        return new ReminderTableData(hits.Select(h => Parse(h.Payload!)));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var rows = new List<ReminderEntry>();
        IndexCursor? after = null;
        while (true)
        {
            var page = await index.QueryAsync(new IndexQuery(IndexName) { Descending = false, Limit = PageSize, After = after });
            foreach (var hit in page.Items)
            {
                var hash = (uint)hit.SortKey;
                var inRange = begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
                if (inRange)
                {
                    rows.Add(Parse(hit.Payload!));
                }
            }

            if (page.Next is null)
            {
                return new ReminderTableData(rows);
            }

            after = page.Next;
        }
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var record = await store.ReadAsync(Id(grainId, reminderName));
        return record is null ? null : Parse(record.Data);
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = Id(entry.GrainId, entry.ReminderName);
        var current = await store.ReadAsync(id);
        var row = new StoredReminder(entry.GrainId.ToString(), entry.ReminderName, entry.StartAt, entry.Period, Guid.NewGuid().ToString("N"));
        var json = JsonSerializer.Serialize(row, GrainStateSerializer.Options);
        var entryOfIndex = new IndexEntry(IndexName, id.GrainKey)
        {
            SortKey = entry.GrainId.GetUniformHashCode(),
            Terms = [new IndexTerm("grain", row.GrainId)],
            Payload = json,
        };
        await store.WriteAsync(id, JsonSerializer.SerializeToUtf8Bytes(row, GrainStateSerializer.Options), current?.ETag, [entryOfIndex]);
        return row.ETag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var id = Id(grainId, reminderName);
        var current = await store.ReadAsync(id);
        if (current is null || Parse(current.Data).ETag != eTag)
        {
            return false;
        }

        try
        {
            await store.ClearAsync(id, current.ETag);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    public async Task TestOnlyClearTable()
    {
        foreach (var hit in await index.QueryAllAsync(new IndexQuery(IndexName) { Descending = false }))
        {
            var id = new GrainStateId(GrainType, hit.DocumentId, StateName);
            if (await store.ReadAsync(id) is { } record)
            {
                await store.ClearAsync(id, record.ETag);
            }
        }
    }

    private static GrainStateId Id(GrainId grainId, string reminderName) =>
        new(GrainType, string.Create(CultureInfo.InvariantCulture, $"{grainId}#{reminderName}"), StateName);

    private static ReminderEntry Parse(string json) => ToEntry(JsonSerializer.Deserialize<StoredReminder>(json, GrainStateSerializer.Options)!);

    private static ReminderEntry Parse(byte[] data) => ToEntry(JsonSerializer.Deserialize<StoredReminder>(data, GrainStateSerializer.Options)!);

    private static ReminderEntry ToEntry(StoredReminder row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId),
        ReminderName = row.Name,
        StartAt = row.StartAt,
        Period = row.Period,
        ETag = row.ETag,
    };

    /// <summary>A reminder as stored; <see cref="ETag"/> is the reminder's own version, apart from the record's.</summary>
    private sealed record StoredReminder(string GrainId, string Name, DateTime StartAt, TimeSpan Period, string ETag);
}
