using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;

namespace Collaboration.Api.Features.Projects;

/// <summary>A project as GET /projects/{id} answers it, with its partners, events (ids) and eligibility.</summary>
public sealed record ProjectResponse(
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
    IReadOnlyList<string> Events,
    EligibilityResult Eligibility,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
