namespace Collaboration.Grains.Domain.Countries;

/// <summary>One row of the countries table (<c>Data/countries.json</c>).</summary>
public sealed record Country
{
    /// <summary>ISO 3166-1 alpha-2 code, upper case (<c>XK</c> for Kosovo).</summary>
    public required string Code { get; init; }

    /// <summary>English short name as the funder writes it (<c>Slovenia</c>, <c>North Macedonia</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The periods the country was an EU member state (empty for a non-member).</summary>
    public IReadOnlyList<DateInterval> EuMembership { get; init; } = [];

    /// <summary>Programmes the country takes part in without being an EU member state.</summary>
    public IReadOnlyList<ProgrammeParticipation> ProgrammeParticipation { get; init; } = [];

    public string? Notes { get; init; }

    public bool IsEuMember(DateOnly on) => EuMembership.Any(m => m.Contains(on));
}
