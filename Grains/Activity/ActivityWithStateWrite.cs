namespace Collaboration.Grains.Activity;

/// <summary>
/// Writes a grain's state and the activity record that describes it in one commit. The entry rides along the
/// grain's own <see cref="IPersistentState{TState}.WriteStateAsync()"/> (in an async-local slot, so only that call
/// sees it) to the grain storage, which hands state and entry to the activity log's grain together. A post thus
/// waits for one durable commit instead of two in a row, and never leaves a change without its record.
/// </summary>
public static class ActivityWithStateWrite
{
    private static readonly AsyncLocal<PendingActivity?> Current = new();

    /// <summary>Writes the state with its activity record; throws what the write throws, and then nothing is logged.</summary>
    /// <exception cref="InvalidOperationException">The grain storage is not one that records activity with states.</exception>
    public static async Task<ActivityRecord> WriteStateAndRecordAsync<TState>(this IPersistentState<TState> state, ActivityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new PendingActivity(entry);
        Current.Value = pending;
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            Current.Value = null;
        }

        return pending.Record
            ?? throw new InvalidOperationException("The grain storage wrote the state without its activity record; grains must use the collaboration storage.");
    }

    /// <summary>Writes the state with the record of a change of <paramref name="type"/> by <paramref name="actor"/> to <paramref name="subject"/>.</summary>
    public static Task<ActivityRecord> WriteStateAndRecordAsync<TState>(
        this IPersistentState<TState> state, string type, object actor, string subject, string summary, string? partner = null) =>
        state.WriteStateAndRecordAsync(new ActivityEntry(type, actor?.ToString() ?? "", subject, summary, partner));

    /// <summary>
    /// For the grain storage: the entry to record with the state being written, taken once (a second write in the same
    /// flow records nothing), or null when the write carries none.
    /// </summary>
    public static PendingActivity? Take()
    {
        var pending = Current.Value;
        if (pending is null || pending.Taken)
        {
            return null;
        }

        pending.Taken = true;
        return pending;
    }
}
