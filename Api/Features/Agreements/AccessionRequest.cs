namespace Collaboration.Api.Features.Agreements;

/// <summary>The body of POST /agreements/{id}/parties: the municipality that accedes.</summary>
public sealed record AccessionRequest(string? MunicipalityId);
