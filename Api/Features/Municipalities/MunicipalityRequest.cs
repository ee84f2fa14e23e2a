using Collaboration.Api.Validation;
using Collaboration.Grains.Municipalities;

namespace Collaboration.Api.Features.Municipalities;

/// <summary>The body of POST /municipalities (with <see cref="Id"/>) and PUT /municipalities/{id} (without).</summary>
public sealed record MunicipalityRequest
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Country { get; init; }

    public PartnerKind? Kind { get; init; }

    public string? Region { get; init; }

    public int? Population { get; init; }

    public string? Website { get; init; }

    public IReadOnlyList<string?>? Languages { get; init; }

    public string? ContactEmail { get; init; }

    public RequestValidation ValidateProfile()
    {
        var v = new RequestValidation();
        v.Text("name", Name, 200, required: true);
        v.Country("country", Country);
        v.Text("region", Region, 200, required: false);
        v.Range("population", Population, 0, 100_000_000);
        v.HttpUrl("website", Website);
        v.Email("contactEmail", ContactEmail);
        v.List("languages", Languages, 24, 35);
        return v;
    }

    public MunicipalityProfile ToProfile() => new(
        Name!.Trim(),
        Country!.ToUpperInvariant(),
        Kind ?? PartnerKind.Municipality,
        Blank(Region),
        Population,
        Blank(Website),
        Languages?.Select(l => l!.Trim()).ToList() ?? [],
        Blank(ContactEmail));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
