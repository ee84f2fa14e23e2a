namespace Collaboration.Grains.Projects;

/// <summary>
/// What <c>PUT /projects/{id}</c> replaces: a project's own description. The programme and measure decide its rulebook
/// and the partnership has routes of its own, so neither is here.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProjectDetails")]
public sealed record ProjectDetails(
    string Acronym,
    string Title,
    int? Call,
    string? Strand,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> Themes,
    string? Summary);
