using Collaboration.Api.Validation;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Projects;

namespace Collaboration.Api.Features.Projects;

/// <summary>The body of POST /projects.</summary>
public sealed record ProjectRequest
{
    public string? Id { get; init; }

    public string? Acronym { get; init; }

    public string? Title { get; init; }

    public Programme? Programme { get; init; }

    public Measure? Measure { get; init; }

    public int? Call { get; init; }

    public string? Strand { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public string? Lead { get; init; }

    public IReadOnlyList<string?>? Partners { get; init; }

    public IReadOnlyList<string?>? Themes { get; init; }

    public string? Summary { get; init; }

    public RequestValidation Validate()
    {
        var v = new RequestValidation();
        v.Slug("id", Id);
        v.Text("acronym", Acronym, 50, required: true);
        v.Text("title", Title, 500, required: true);
        v.Required("programme", Programme);
        v.Required("measure", Measure);
        v.Range("call", Call, 2000, 2100);
        v.Text("strand", Strand, 200, required: false);
        v.Required("startDate", StartDate);
        v.Required("endDate", EndDate);
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            v.Add("endDate", "Must not be before startDate.");
        }

        v.Slug("lead", Lead);
        if (Partners is null || Partners.Count == 0)
        {
            v.Add("partners", "At least one partner (the lead) is required.");
        }
        else if (Partners.Count > ProjectGrain.MaxPartners)
        {
            v.Add("partners", $"At most {ProjectGrain.MaxPartners} partners.");
        }
        else
        {
            for (var i = 0; i < Partners.Count; i++)
            {
                v.Slug($"partners[{i}]", Partners[i]);
            }

            if (Lead is not null && RequestValidation.IsSlug(Lead) && !Partners.Contains(Lead))
            {
                v.Add("lead", "The lead must be one of the partners.");
            }
        }

        v.List("themes", Themes, 50, 100);
        v.Text("summary", Summary, 10_000, required: false);
        return v;
    }

    public ProjectDefinition ToDefinition() => new(
        Acronym!.Trim(),
        Title!.Trim(),
        Programme!.Value,
        Measure!.Value,
        Call,
        string.IsNullOrWhiteSpace(Strand) ? null : Strand.Trim(),
        StartDate!.Value,
        EndDate!.Value,
        Lead!,
        Partners!.Select(p => p!).Distinct(StringComparer.Ordinal).ToList(),
        Themes?.Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [],
        string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim());
}
