namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>The verdict on a project: eligible when every rule of its rule set is satisfied.</summary>
/// <param name="Rules">The outcomes in the rule set's order; empty when the project has no rule set.</param>
/// <param name="RuleSetId">The rule set applied, or null when its programme and measure have none (<c>other</c>).</param>
[GenerateSerializer, Immutable, Alias("collaboration.EligibilityResult")]
public sealed record EligibilityResult(bool Eligible, IReadOnlyList<RuleOutcome> Rules, string? RuleSetId);
