using Collaboration.Grains.Events;

namespace Collaboration.Grains.Reporting;

/// <summary>An event as the reports see it: one record feeds the information template, the
/// calendar and the participants CSV.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ReportEvent")]
public sealed record ReportEvent
{
    /// <summary>The server-assigned event id; it makes the calendar UID stable.</summary>
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Title { get; init; }

    [Id(2)]
    public required EventKind Kind { get; init; }

    /// <summary>First day of the event.</summary>
    [Id(3)]
    public required DateOnly StartDate { get; init; }

    /// <summary>Last day of the event (inclusive); never before <see cref="StartDate"/>.</summary>
    [Id(4)]
    public required DateOnly EndDate { get; init; }

    /// <summary>The venue within the host town; may be empty.</summary>
    [Id(5)]
    public required string Place { get; init; }

    /// <summary>The host's name.</summary>
    [Id(6)]
    public required string HostTown { get; init; }

    /// <summary>The host's country, English short name.</summary>
    [Id(7)]
    public required string HostCountry { get; init; }

    /// <summary>What the event was for; the template inserts it after "The aim of the event was ".</summary>
    [Id(8)]
    public required string Description { get; init; }

    /// <summary>The recorded delegations; an event without any is not reported yet.</summary>
    [Id(9)]
    public IReadOnlyList<ReportParticipation> Participations { get; init; } = [];

    /// <summary>A cancelled event stays in the calendar (STATUS:CANCELLED) but was not carried
    /// out, so the template and the CSV leave it out.</summary>
    [Id(10)]
    public bool Cancelled { get; init; }
}
