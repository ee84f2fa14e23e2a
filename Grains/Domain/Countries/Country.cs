namespace Collaboration.Grains.Domain.Countries;

/// <summary>One row of the countries table (<c>Data/countries.json</c>).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.Country")]
public sealed record Country
{
    /// <summary>ISO 3166-1 alpha-2 code, upper case (<c>XK</c> for Kosovo).</summary>
    [Id(0)]
    public required string Code { get; init; }

    /// <summary>English short name as the funder writes it (<c>Slovenia</c>, <c>North Macedonia</c>).</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>The periods the country was an EU member state (empty for a non-member).</summary>
    [Id(2)]
    public IReadOnlyList<DateInterval> EuMembership { get; init; } = [];

    /// <summary>Programmes the country takes part in without being an EU member state.</summary>
    [Id(3)]
    public IReadOnlyList<ProgrammeParticipation> ProgrammeParticipation { get; init; } = [];

    [Id(4)]
    public string? Notes { get; init; }

    public bool IsEuMember(DateOnly on) => EuMembership.Any(m => m.Contains(on));
}
