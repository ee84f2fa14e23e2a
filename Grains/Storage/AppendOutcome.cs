namespace Collaboration.Grains.Storage;

/// <summary>
/// What became of one <see cref="LogAppend"/>: its sequence number and its state's new ETag (null without a state),
/// or, when its state write was refused for a stale ETag, the refusal (and no sequence number).
/// </summary>
public readonly record struct AppendOutcome(long Sequence, string? ETag, Exception? Refusal)
{
    public static AppendOutcome Refused(Exception refusal) => new(0, null, refusal);
}
