namespace Collaboration.Grains.Domain.Countries;

/// <summary>A non-EU country's participation in a programme (by association or participation agreement), both ends inclusive.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProgrammeParticipation")]
public sealed record ProgrammeParticipation
{
    [Id(0)]
    public required Programme Programme { get; init; }

    /// <summary>The first day the country is eligible, or null when eligible from the programme's start.</summary>
    [Id(1)]
    public DateOnly? From { get; init; }

    /// <summary>The last day the country is eligible, or null when still eligible.</summary>
    [Id(2)]
    public DateOnly? To { get; init; }

    public bool Covers(Programme programme, DateOnly day) =>
        Programme == programme && (From is null || day >= From) && (To is null || day <= To);
}
