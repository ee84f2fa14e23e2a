namespace Collaboration.Grains.Domain.Countries;

/// <summary>How a programme decides which countries are eligible, with the assumptions behind it.</summary>
public sealed record ProgrammeInfo
{
    public required Programme Programme { get; init; }

    /// <summary>The programme's name as the funder writes it (<c>Europe for Citizens</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Whether every EU member state of the time is eligible (beyond the countries with a participation interval).</summary>
    public required bool EuMemberStatesEligible { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
