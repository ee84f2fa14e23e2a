namespace Collaboration.Api.Features.Health;

public sealed record HealthResponse(string Status);
