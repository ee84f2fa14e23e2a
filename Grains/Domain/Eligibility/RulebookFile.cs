namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>The shape of <c>Data/rulebook.json</c>.</summary>
internal sealed record RulebookFile
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required IReadOnlyList<RuleSet> RuleSets { get; init; }
}
