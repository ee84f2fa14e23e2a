namespace Collaboration.Api.Features.Municipalities;

/// <summary>A newly issued municipality key; the previous one no longer works.</summary>
public sealed record ApiKeyResponse(string MunicipalityId, string ApiKey);
