using Collaboration.Grains.Domain;

namespace Collaboration.Grains.Projects;

/// <summary>What a coordinator registers about a project. <see cref="EndDate"/> is the last day (inclusive).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProjectDefinition")]
public sealed record ProjectDefinition(
    string Acronym,
    string Title,
    Programme Programme,
    Measure Measure,
    int? Call,
    string? Strand,
    DateOnly StartDate,
    DateOnly EndDate,
    string Lead,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Themes,
    string? Summary);
