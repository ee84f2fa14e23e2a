namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>One rule of a rule set, as written in <c>Data/rulebook.json</c>.</summary>
public sealed record RuleDefinition
{
    /// <summary>One of <see cref="RuleCodes"/>.</summary>
    public required string Code { get; init; }

    /// <summary>The inclusive bound (a count, months or days); null only for <see cref="RuleCodes.EligibleCountries"/>.</summary>
    public int? Value { get; init; }

    /// <summary>For participant rules only: per event or over the project; per event when omitted.</summary>
    public RuleScope? Scope { get; init; }
}
