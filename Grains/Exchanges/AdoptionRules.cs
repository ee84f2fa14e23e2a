using Collaboration.Grains.Errors;

namespace Collaboration.Grains.Exchanges;

/// <summary>
/// The replication of a practice as a small state machine:
/// <code>
///   (none) -> interested | adapting | implemented      a town may first report a practice it already adapts or runs
///   interested -> adapting -> implemented              forward, skipping a step is allowed (late reporting)
///   interested | adapting | implemented -> abandoned   a town may drop a practice at any point
///   abandoned -> interested                            a revival starts the replication again from the beginning
///   s -> s                                             the same status again, to record a new note
/// </code>
/// Refused (409): going backwards (implemented -> adapting, ...), reviving straight into adapting or implemented
/// (an abandoned replication restarts as interested, so that its history reads honestly), and abandoned as a first
/// status (there is nothing to abandon).
/// </summary>
public static class AdoptionRules
{
    /// <summary>Whether a town whose adoption stands at <paramref name="current"/> (null: none yet) may set <paramref name="next"/>.</summary>
    public static bool IsAllowed(AdoptionStatus? current, AdoptionStatus next) => Refusal(current, next) is null;

    /// <summary>Throws <see cref="ConflictException"/> when the move is not allowed.</summary>
    public static void EnsureAllowed(AdoptionStatus? current, AdoptionStatus next)
    {
        if (Refusal(current, next) is { } reason)
        {
            throw new ConflictException(reason);
        }
    }

    /// <summary>Why the move is refused, or null when it is allowed.</summary>
    public static string? Refusal(AdoptionStatus? current, AdoptionStatus next)
    {
        // Input is validated before it gets here; an undefined value is a bug, not a client's mistake.
        ArgumentOutOfRangeException.ThrowIfNotEqual(Enum.IsDefined(next), true, nameof(next));
        if (current == next)
        {
            return null;
        }

        return (current, next) switch
        {
            (null, AdoptionStatus.Abandoned) => "An adoption cannot start as abandoned: there is nothing to abandon yet.",
            (null, _) => null,
            (_, AdoptionStatus.Abandoned) => null,
            (AdoptionStatus.Abandoned, AdoptionStatus.Interested) => null,
            (AdoptionStatus.Abandoned, _) =>
                $"An abandoned adoption is revived as interested, not {ExchangeIndex.Name(next)}; then it moves forward again.",
            _ when Rank(next) > Rank(current.Value) => null,
            _ => $"An adoption moves forward (interested -> adapting -> implemented); it cannot go back from {ExchangeIndex.Name(current.Value)} to {ExchangeIndex.Name(next)}.",
        };
    }

    private static int Rank(AdoptionStatus status) => status switch
    {
        AdoptionStatus.Interested => 0,
        AdoptionStatus.Adapting => 1,
        AdoptionStatus.Implemented => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only active statuses have a rank."),
    };
}
