namespace Collaboration.Grains.Reporting;

/// <summary>
/// Which events and delegations are reported, and in what order. The information template and
/// the participants CSV share it so that the published numbers and the exported rows agree.
/// </summary>
internal static class ReportSelection
{
    /// <summary>
    /// The events that count, numbered 1.. in this order: not cancelled, with at least one
    /// delegation of more than zero people; oldest first by start date, then end date, then
    /// title and id (ordinal), so that the numbering never depends on input order.
    /// </summary>
    public static IReadOnlyList<ReportEvent> ReportedEvents(IEnumerable<ReportEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events
            .Select(Validated)
            .Where(e => !e.Cancelled && e.Participations.Any(p => p.Participants > 0))
            .OrderBy(e => e.StartDate)
            .ThenBy(e => e.EndDate)
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The delegations that are listed: most participants first, ties by town name then country
    /// (ordinal, so the order is the same on every machine and culture). A row of zero people is
    /// left out: "0 participants from the city of ..." would report a delegation that did not come.
    /// </summary>
    public static IReadOnlyList<ReportParticipation> ListedDelegations(ReportEvent reportEvent) =>
        reportEvent.Participations
            .Where(p => p.Participants > 0)
            .OrderByDescending(p => p.Participants)
            .ThenBy(p => p.Town, StringComparer.Ordinal)
            .ThenBy(p => p.Country, StringComparer.Ordinal)
            .ToList();

    public static ReportEvent Validated(ReportEvent reportEvent)
    {
        ArgumentNullException.ThrowIfNull(reportEvent);
        if (reportEvent.EndDate < reportEvent.StartDate)
        {
            throw new ArgumentException(
                $"Event '{reportEvent.Id}' ends ({reportEvent.EndDate:yyyy-MM-dd}) before it starts ({reportEvent.StartDate:yyyy-MM-dd}).",
                nameof(reportEvent));
        }

        foreach (var participation in reportEvent.Participations)
        {
            if (participation.Participants < 0)
            {
                throw new ArgumentException(
                    $"Event '{reportEvent.Id}' has a negative number of participants from {participation.Town}.",
                    nameof(reportEvent));
            }
        }

        return reportEvent;
    }
}
