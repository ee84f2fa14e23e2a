namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>One rule's verdict, with a sentence a coordinator can act on.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.RuleOutcome")]
public sealed record RuleOutcome(string Code, bool Satisfied, string Detail);
