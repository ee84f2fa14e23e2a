using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Activity;

/// <summary>
/// Reads the activity log straight from storage: readers (the API, projections, live streams) need no turn of
/// the log's grain, so they never queue behind writers.
/// </summary>
public static class ActivityLogReader
{
    /// <summary>The name of the append log that holds the network's activity.</summary>
    public const string LogName = "activity";

    /// <summary>The most records one read returns.</summary>
    public const int MaxReadLimit = 1000;

    /// <summary>Records after <paramref name="after"/>, oldest first, at most <paramref name="limit"/> (1 to <see cref="MaxReadLimit"/>).</summary>
    public static async Task<IReadOnlyList<ActivityRecord>> ReadActivityAsync(
        this IAppendLog log, long after, int limit, CancellationToken cancellationToken = default)
    {
        var records = await log.ReadAsync(LogName, Math.Max(0, after), Math.Clamp(limit, 1, MaxReadLimit), cancellationToken);
        return records.Select(Deserialize).ToList();
    }

    public static Task<long> GetLastActivitySequenceAsync(this IAppendLog log, CancellationToken cancellationToken = default) =>
        log.GetLastSequenceAsync(LogName, cancellationToken);

    internal static string Serialize(ActivityRecord record) => JsonSerializer.Serialize(record, GrainStateSerializer.Options);

    private static ActivityRecord Deserialize(LogRecord record) =>
        JsonSerializer.Deserialize<ActivityRecord>(record.Payload, GrainStateSerializer.Options)
        ?? throw new InvalidDataException($"Activity record {record.Sequence} is empty.");
}
