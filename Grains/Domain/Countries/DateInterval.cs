namespace Collaboration.Grains.Domain.Countries;

/// <summary>A span of days, both ends inclusive; a missing end is open (no start, or still running).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.DateInterval")]
public sealed record DateInterval
{
    /// <summary>The first day in the interval, or null when open towards the past.</summary>
    [Id(0)]
    public DateOnly? From { get; init; }

    /// <summary>The last day in the interval (inclusive), or null when still running.</summary>
    [Id(1)]
    public DateOnly? To { get; init; }

    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);
}
