namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>A partner of the project (municipality, agency, association...) and its country's alpha-2 code.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.EligibilityPartner")]
public sealed record EligibilityPartner(string Id, string Country);
