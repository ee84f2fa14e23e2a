using Collaboration.Api.Validation;
using Collaboration.Grains.Projects;

namespace Collaboration.Api.Features.Projects;

/// <summary>
/// The body of PUT /projects/{id}: the description it replaces. Programme, measure, lead and partners are not here:
/// the partnership has routes of its own, and a project under another programme is another project.
/// </summary>
public sealed record ProjectUpdateRequest
{
    public string? Acronym { get; init; }

    public string? Title { get; init; }

    public int? Call { get; init; }

    public string? Strand { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public IReadOnlyList<string?>? Themes { get; init; }

    public string? Summary { get; init; }

    public RequestValidation Validate()
    {
        var v = new RequestValidation();
        ProjectRequest.ValidateDetails(v, Acronym, Title, Call, Strand, StartDate, EndDate, Themes, Summary);
        return v;
    }

    public ProjectDetails ToDetails() => new(
        Acronym!.Trim(),
        Title!.Trim(),
        Call,
        ProjectRequest.Optional(Strand),
        StartDate!.Value,
        EndDate!.Value,
        ProjectRequest.Distinct(Themes),
        ProjectRequest.Optional(Summary));
}
