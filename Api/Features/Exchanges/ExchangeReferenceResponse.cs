using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>The exchange an adoption replicates.</summary>
public sealed record ExchangeReferenceResponse(string Id, ExchangeKind Kind, string Title, string Author, string AuthorCountry);
