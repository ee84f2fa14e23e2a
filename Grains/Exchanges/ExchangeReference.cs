namespace Collaboration.Grains.Exchanges;

/// <summary>Which exchange an adoption replicates, copied at the first adoption (exchanges do not change after posting).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangeReference")]
public sealed record ExchangeReference(string Id, ExchangeKind Kind, string Title, string Author, string AuthorCountry);
