namespace Collaboration.Grains.Domain.Countries;

/// <summary>The shape of <c>Data/countries.json</c>.</summary>
internal sealed record CountriesFile
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required IReadOnlyList<ProgrammeInfo> Programmes { get; init; }

    public required IReadOnlyList<Country> Countries { get; init; }
}
