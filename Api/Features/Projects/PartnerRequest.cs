namespace Collaboration.Api.Features.Projects;

/// <summary>The body of POST /projects/{id}/partners.</summary>
public sealed record PartnerRequest(string? MunicipalityId);
