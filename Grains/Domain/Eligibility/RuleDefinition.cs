namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>One rule of a rule set, as written in <c>Data/rulebook.json</c>.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.RuleDefinition")]
public sealed record RuleDefinition
{
    /// <summary>One of <see cref="RuleCodes"/>.</summary>
    [Id(0)]
    public required string Code { get; init; }

    /// <summary>The inclusive bound (a count, months or days); null only for <see cref="RuleCodes.EligibleCountries"/>.</summary>
    [Id(1)]
    public int? Value { get; init; }

    /// <summary>For participant rules only: per event or over the project; per event when omitted.</summary>
    [Id(2)]
    public RuleScope? Scope { get; init; }
}
