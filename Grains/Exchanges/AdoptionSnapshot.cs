namespace Collaboration.Grains.Exchanges;

/// <summary>An adoption with the version (ETag) of its stored record, for <c>If-Match</c>.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.AdoptionSnapshot")]
public sealed record AdoptionSnapshot(AdoptionRecord Adoption, string Version);
