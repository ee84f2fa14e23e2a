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
        v.Required("programme", Programme);
        v.Required("measure", Measure);
        ValidateDetails(v, Acronym, Title, Call, Strand, StartDate, EndDate, Themes, Summary);
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

        return v;
    }

    /// <summary>The rules of the fields a project's description has, at creation and in <c>PUT /projects/{id}</c> alike.</summary>
    internal static void ValidateDetails(
        RequestValidation v, string? acronym, string? title, int? call, string? strand, DateOnly? startDate, DateOnly? endDate,
        IReadOnlyList<string?>? themes, string? summary)
    {
        v.Text("acronym", acronym, 50, required: true);
        v.Text("title", title, 500, required: true);
        v.Range("call", call, 2000, 2100);
        v.Text("strand", strand, 200, required: false);
        v.Required("startDate", startDate);
        v.Required("endDate", endDate);
        if (startDate is { } start && endDate is { } end && end < start)
        {
            v.Add("endDate", "Must not be before startDate.");
        }

        v.List("themes", themes, 50, 100);
        v.Text("summary", summary, 10_000, required: false);
    }

    internal static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static List<string> Distinct(IReadOnlyList<string?>? themes) =>
        themes?.Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];

    public ProjectDefinition ToDefinition() => new(
        Acronym!.Trim(),
        Title!.Trim(),
        Programme!.Value,
        Measure!.Value,
        Call,
        Optional(Strand),
        StartDate!.Value,
        EndDate!.Value,
        Lead!,
        Partners!.Select(p => p!).Distinct(StringComparer.Ordinal).ToList(),
        Distinct(Themes),
        Optional(Summary));
}
