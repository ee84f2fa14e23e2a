using Collaboration.Grains.Errors;
using Collaboration.Grains.Exchanges;

namespace Collaboration.Grains.Tests.Exchanges;

public sealed class AdoptionRulesTests
{
    public static TheoryData<AdoptionStatus?, AdoptionStatus, bool> Moves => new()
    {
        // A first status: anything active, not abandoned.
        { null, AdoptionStatus.Interested, true },
        { null, AdoptionStatus.Adapting, true },
        { null, AdoptionStatus.Implemented, true },
        { null, AdoptionStatus.Abandoned, false },

        // Forward, also skipping a step.
        { AdoptionStatus.Interested, AdoptionStatus.Adapting, true },
        { AdoptionStatus.Interested, AdoptionStatus.Implemented, true },
        { AdoptionStatus.Adapting, AdoptionStatus.Implemented, true },

        // Backwards is refused.
        { AdoptionStatus.Adapting, AdoptionStatus.Interested, false },
        { AdoptionStatus.Implemented, AdoptionStatus.Adapting, false },
        { AdoptionStatus.Implemented, AdoptionStatus.Interested, false },

        // Anything can be abandoned.
        { AdoptionStatus.Interested, AdoptionStatus.Abandoned, true },
        { AdoptionStatus.Adapting, AdoptionStatus.Abandoned, true },
        { AdoptionStatus.Implemented, AdoptionStatus.Abandoned, true },

        // A revival restarts as interested only.
        { AdoptionStatus.Abandoned, AdoptionStatus.Interested, true },
        { AdoptionStatus.Abandoned, AdoptionStatus.Adapting, false },
        { AdoptionStatus.Abandoned, AdoptionStatus.Implemented, false },

        // The same status again records a new note.
        { AdoptionStatus.Interested, AdoptionStatus.Interested, true },
        { AdoptionStatus.Adapting, AdoptionStatus.Adapting, true },
        { AdoptionStatus.Implemented, AdoptionStatus.Implemented, true },
        { AdoptionStatus.Abandoned, AdoptionStatus.Abandoned, true },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void EachMoveIsAllowedOrRefusedAsDocumented(AdoptionStatus? current, AdoptionStatus next, bool allowed)
    {
        Assert.Equal(allowed, AdoptionRules.IsAllowed(current, next));
        Assert.Equal(allowed, AdoptionRules.Refusal(current, next) is null);
    }

    [Fact]
    public void EveryPairOfStatusesIsCoveredByTheTable()
    {
        var statuses = Enum.GetValues<AdoptionStatus>().Cast<AdoptionStatus?>().Prepend(null).ToList();
        var covered = Moves.Select(row => ((AdoptionStatus?)row[0], (AdoptionStatus)row[1]!)).ToHashSet();

        var missing = statuses.SelectMany(from => Enum.GetValues<AdoptionStatus>().Select(to => (from, to))).Where(p => !covered.Contains(p));

        Assert.Empty(missing);
    }

    [Fact]
    public void ARefusedMoveIsAConflictThatSaysWhy()
    {
        var error = Assert.Throws<ConflictException>(() => AdoptionRules.EnsureAllowed(AdoptionStatus.Implemented, AdoptionStatus.Adapting));

        Assert.Contains("from implemented to adapting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAllowedMovePassesWithoutAConflict()
    {
        var error = Record.Exception(() => AdoptionRules.EnsureAllowed(AdoptionStatus.Interested, AdoptionStatus.Adapting));

        Assert.Null(error);
    }

    [Fact]
    public void AnUndefinedStatusIsAProgrammingErrorNotARefusal()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AdoptionRules.IsAllowed(AdoptionStatus.Interested, (AdoptionStatus)42));
    }
}
