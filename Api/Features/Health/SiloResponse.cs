namespace Collaboration.Api.Features.Health;

/// <summary>The silo that answered a readiness probe: its name and its address as Orleans prints it (endpoint and generation).</summary>
public sealed record SiloResponse(string Name, string Address);
