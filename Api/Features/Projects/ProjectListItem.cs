using Collaboration.Grains.Domain;
using Collaboration.Grains.Projects;

namespace Collaboration.Api.Features.Projects;

/// <summary>A project in GET /projects (read one project for its events and eligibility).</summary>
public sealed record ProjectListItem(
    string Id,
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
    string? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProjectListItem From(string id, ProjectDefinition d, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new(
        id, d.Acronym, d.Title, d.Programme, d.Measure, d.Call, d.Strand, d.StartDate, d.EndDate, d.Lead, d.Partners, d.Themes, d.Summary,
        createdAt, updatedAt);
}
