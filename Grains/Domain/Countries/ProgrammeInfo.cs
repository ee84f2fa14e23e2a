namespace Collaboration.Grains.Domain.Countries;

/// <summary>How a programme decides which countries are eligible, with the assumptions behind it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProgrammeInfo")]
public sealed record ProgrammeInfo
{
    [Id(0)]
    public required Programme Programme { get; init; }

    /// <summary>The programme's name as the funder writes it (<c>Europe for Citizens</c>).</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>Whether every EU member state of the time is eligible (beyond the countries with a participation interval).</summary>
    [Id(2)]
    public required bool EuMemberStatesEligible { get; init; }

    [Id(3)]
    public IReadOnlyList<string> Notes { get; init; } = [];
}
