namespace Collaboration.Api.Features.Benchmark;

public sealed record CeilingResponse(string Status, int Version);
