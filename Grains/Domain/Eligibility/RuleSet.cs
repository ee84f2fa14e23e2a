namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>The rules of one programme and measure, optionally for a range of call years.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.RuleSet")]
public sealed record RuleSet
{
    /// <summary>A stable slug (<c>efc-network-of-towns-2019-2020</c>).</summary>
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required Programme Programme { get; init; }

    [Id(2)]
    public required Measure Measure { get; init; }

    /// <summary>The first call year the set applies to (inclusive); null when open.</summary>
    [Id(3)]
    public int? CallFrom { get; init; }

    /// <summary>The last call year the set applies to (inclusive); null when open.</summary>
    [Id(4)]
    public int? CallTo { get; init; }

    [Id(5)]
    public required string Title { get; init; }

    /// <summary>Where the facts come from, in words.</summary>
    [Id(6)]
    public string? Source { get; init; }

    [Id(7)]
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The rules, in the order they are reported.</summary>
    [Id(8)]
    public required IReadOnlyList<RuleDefinition> Rules { get; init; }

    /// <summary>True when the set has no call-year range: the default for its programme and measure.</summary>
    public bool AppliesToAnyCall => CallFrom is null && CallTo is null;

    public bool AppliesToCall(int callYear) =>
        !AppliesToAnyCall && (CallFrom is null || callYear >= CallFrom) && (CallTo is null || callYear <= CallTo);
}
