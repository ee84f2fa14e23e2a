namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>The rules of one programme and measure, optionally for a range of call years.</summary>
public sealed record RuleSet
{
    /// <summary>A stable slug (<c>efc-network-of-towns-2019-2020</c>).</summary>
    public required string Id { get; init; }

    public required Programme Programme { get; init; }

    public required Measure Measure { get; init; }

    /// <summary>The first call year the set applies to (inclusive); null when open.</summary>
    public int? CallFrom { get; init; }

    /// <summary>The last call year the set applies to (inclusive); null when open.</summary>
    public int? CallTo { get; init; }

    public required string Title { get; init; }

    /// <summary>Where the facts come from, in words.</summary>
    public string? Source { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The rules, in the order they are reported.</summary>
    public required IReadOnlyList<RuleDefinition> Rules { get; init; }

    /// <summary>True when the set has no call-year range: the default for its programme and measure.</summary>
    public bool AppliesToAnyCall => CallFrom is null && CallTo is null;

    public bool AppliesToCall(int callYear) =>
        !AppliesToAnyCall && (CallFrom is null || callYear >= CallFrom) && (CallTo is null || callYear <= CallTo);
}
