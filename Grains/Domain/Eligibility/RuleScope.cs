namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>What a participant rule counts over; serialized camelCase (<c>event</c>, <c>project</c>).</summary>
[GenerateSerializer, Alias("collaboration.RuleScope")]
public enum RuleScope
{
    /// <summary>Every event (with recorded participation) must reach the value on its own.</summary>
    Event,

    /// <summary>The sum over all the project's events must reach the value.</summary>
    Project,
}
