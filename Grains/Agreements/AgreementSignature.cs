namespace Collaboration.Grains.Agreements;

/// <summary>A party's signature as given: the signatory's name and role ("Mayor").</summary>
public sealed record AgreementSignature(string Signatory, string Role);
