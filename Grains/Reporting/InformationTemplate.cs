using System.Globalization;
using System.Text;
using Collaboration.Grains.Domain;

namespace Collaboration.Grains.Reporting;

/// <summary>
/// The information template that funded projects publish for their events (docs/contract.md, "The
/// information template (Europe for Citizens)"). The Europe for Citizens text is reproduced
/// byte for byte; see README.md in this folder for every choice the API does not fix.
/// </summary>
/// <remarks>
/// Text conventions: lines end with "\n" only, and the text ends with exactly one "\n".
/// Numbers are written as they are ("1 events", "1 participants"): the funder's wording is fixed.
/// Dates are dd/MM/yyyy. Every inserted value is put on one line (line breaks and the spaces
/// around them become one space) and trimmed, so a block keeps its four lines and a blank line
/// only ever separates blocks; nothing else is changed, and no full stop is added.
/// </remarks>
public static class InformationTemplate
{
    /// <summary>
    /// The template for all of the project's reported events: the heading, "&lt;K&gt; events have
    /// been carried out within this project:", then one block per event (see
    /// <see cref="ReportedEvents"/> for which and in what order), separated by a blank line.
    /// </summary>
    public static string Render(ReportProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var events = ReportSelection.ReportedEvents(project.Events);

        var text = new StringBuilder();
        foreach (var line in Heading(project))
        {
            text.Append(line).Append('\n');
        }

        text.Append(events.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" events have been carried out within this project:\n");
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            AppendBlock(text, events[i], i + 1, project.Measure);
        }

        return text.ToString();
    }

    /// <summary>
    /// The block of one event, from its "Event &lt;i&gt;" line to its "Short description:" line
    /// (ending with "\n"), numbered as in <see cref="Render"/>; null when the project has no event
    /// with that id or the event is not reported (cancelled, or no participation recorded).
    /// </summary>
    public static string? RenderEvent(ReportProject project, string eventId)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(eventId);
        var events = ReportSelection.ReportedEvents(project.Events);
        for (var i = 0; i < events.Count; i++)
        {
            if (string.Equals(events[i].Id, eventId, StringComparison.Ordinal))
            {
                var text = new StringBuilder();
                AppendBlock(text, events[i], i + 1, project.Measure);
                return text.ToString();
            }
        }

        return null;
    }

    /// <summary>
    /// The events that the template reports, in its numbering order (event 1 first): not
    /// cancelled, with at least one delegation of more than zero people; by start date, then end
    /// date, then title and id (ordinal comparison).
    /// </summary>
    public static IReadOnlyList<ReportEvent> ReportedEvents(ReportProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return ReportSelection.ReportedEvents(project.Events);
    }

    private static IEnumerable<string> Heading(ReportProject project)
    {
        var title = OneLine(project.Title);
        if (project.Programme == Programme.EuropeForCitizens)
        {
            // Fixed by the programme (docs/contract.md), to the byte.
            yield return $"The project «{title}» was funded with the support of the European Union under the Programme \"Europe for Citizens\"";
            switch (project.Measure)
            {
                case Measure.NetworkOfTowns:
                    yield return "Applicable to the Strand 2 – Measure 2.2 \"Networks of Towns\"";
                    break;
                case Measure.TownTwinning:
                    yield return "Applicable to the Strand 2 – Measure 2.1 \"Town Twinning\"";
                    break;
                default:
                    // Other measures of the programme have their own strands, which we do not
                    // know here: better no line than a wrong one.
                    break;
            }

            yield break;
        }

        // Our own wording, not the funder's: the same structure, naming the programme where we
        // know it, and the measure without Europe for Citizens' strand and measure numbers.
        yield return project.Programme switch
        {
            Programme.Cerv =>
                $"The project «{title}» was funded with the support of the European Union under the Citizens, Equality, Rights and Values Programme (CERV)",
            _ => $"The project «{title}» was funded with the support of the European Union",
        };
        switch (project.Measure)
        {
            case Measure.NetworkOfTowns:
                yield return "Applicable to the measure \"Networks of Towns\"";
                break;
            case Measure.TownTwinning:
                yield return "Applicable to the measure \"Town Twinning\"";
                break;
            default:
                break;
        }
    }

    private static void AppendBlock(StringBuilder text, ReportEvent reportEvent, int number, Measure measure)
    {
        var delegations = ReportSelection.ListedDelegations(reportEvent);
        var total = delegations.Sum(d => (long)d.Participants);
        var towns = string.Join(", ", delegations.Select(d => string.Create(
            CultureInfo.InvariantCulture,
            $"{d.Participants} participants from the city of {OneLine(d.Town)} ({OneLine(d.Country)})")));

        // docs/contract.md: Town Twinning speaks of the project, the other measures of the event.
        var participation = measure == Measure.TownTwinning
            ? $"The project involved {total.ToString(CultureInfo.InvariantCulture)} citizens, notably {towns}"
            : $"The event involved {total.ToString(CultureInfo.InvariantCulture)} citizens, including {towns}";

        text.Append("Event ").Append(number.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("Participation: ").Append(participation).Append('\n')
            .Append("Location / Dates: The event took place in ")
            .Append(OneLine(reportEvent.HostTown)).Append(", ").Append(OneLine(reportEvent.HostCountry))
            .Append(", from ").Append(Date(reportEvent.StartDate))
            .Append(" to ").Append(Date(reportEvent.EndDate)).Append('\n')
            .Append("Short description: The aim of the event was ")
            .Append(OneLine(reportEvent.Description)).Append('\n');
    }

    private static string Date(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>Puts a value on one line: each line break, with the white space around it, becomes
    /// one space; the ends are trimmed. Other characters are left as given.</summary>
    internal static string OneLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var lines = value.Split(["\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029"], StringSplitOptions.None);
        return string.Join(' ', lines.Select(l => l.Trim()).Where(l => l.Length > 0));
    }
}
