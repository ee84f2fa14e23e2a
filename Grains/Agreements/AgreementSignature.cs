namespace Collaboration.Grains.Agreements;

/// <summary>A party's signature as given: the signatory's name and role ("Mayor").</summary>
[GenerateSerializer, Immutable, Alias("collaboration.AgreementSignature")]
public sealed record AgreementSignature(string Signatory, string Role);
