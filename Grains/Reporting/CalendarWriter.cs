using System.Text;
using Collaboration.Grains.Events;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Collaboration.Grains.Reporting;

/// <summary>
/// Writes events as an RFC 5545 iCalendar object (<c>text/calendar</c>) with Ical.Net: one VEVENT per event,
/// all-day dates. Ical.Net builds the calendar and does the TEXT escaping and the CRLF line ends; the folding at
/// 75 octets is redone here (see <see cref="Refold"/>).
/// </summary>
public static class CalendarWriter
{
    /// <summary>What the calendar says it was produced by (PRODID).</summary>
    public const string ProductId = "-//Collaboration//Collaboration events//EN";

    private const int MaxLineOctets = 75;
    private const string Fold = "\r\n ";

    /// <summary>
    /// The calendar named <paramref name="calendarName"/> (X-WR-CALNAME) with one VEVENT per event,
    /// cancelled ones included (STATUS:CANCELLED), ordered by start date, end date, title, id.
    /// </summary>
    /// <param name="calendarName">Shown by calendar clients as the calendar's name.</param>
    /// <param name="events">The events; each needs an id, which makes its UID stable.</param>
    /// <param name="stamp">
    /// DTSTAMP of every VEVENT. With METHOD present, RFC 5545 makes DTSTAMP the time the calendar
    /// object was created: pass the TimeProvider's now, or, for output that stays byte-identical
    /// while nothing changes, the instant of the latest change. Written in UTC, whole seconds.
    /// </param>
    public static string Write(string calendarName, IEnumerable<ReportEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(events);

        var ordered = events
            .Select(ReportSelection.Validated)
            .OrderBy(e => e.StartDate)
            .ThenBy(e => e.EndDate)
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var utc = stamp.UtcDateTime;
        var dtstamp = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc);

        var calendar = new Calendar
        {
            ProductId = ProductId,
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", Text(calendarName));
        foreach (var e in ordered)
        {
            calendar.Events.Add(Event(e, dtstamp));
        }

        var ics = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
        return Refold(ics);
    }

    /// <summary>The CATEGORIES text for a kind: words a person reads, not the API's code.</summary>
    internal static string Category(EventKind kind) => kind switch
    {
        EventKind.Conference => "Conference",
        EventKind.Workshop => "Workshop",
        EventKind.StudyVisit => "Study visit",
        EventKind.LocalEvent => "Local event",
        EventKind.Seminar => "Seminar",
        _ => "Other",
    };

    // Events carry dates only (the contract has no times), so every VEVENT is all-day: DATE values, no time zone.
    private static CalendarEvent Event(ReportEvent e, DateTime dtstamp)
    {
        var vevent = new CalendarEvent
        {
            Uid = e.Id + "@collaboration",
            DtStamp = new CalDateTime(dtstamp),
            DtStart = new CalDateTime(e.StartDate),
            // DTEND is exclusive: the day after the last day.
            DtEnd = new CalDateTime(e.EndDate.AddDays(1)),
            Summary = Text(e.Title),
            Categories = [Category(e.Kind)],
            Status = e.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
        };

        var location = string.Join(", ", new[] { e.Place, e.HostTown, e.HostCountry }
            .Select(part => part.Trim())
            .Where(part => part.Length > 0));
        if (location.Length > 0)
        {
            vevent.Location = Text(location);
        }

        var description = e.Description.TrimEnd();
        if (description.Length > 0)
        {
            vevent.Description = Text(description);
        }

        return vevent;
    }

    /// <summary>
    /// What Ical.Net leaves to its caller: TEXT may hold no control character but HTAB (line breaks it escapes
    /// itself), so the others are dropped; a lone surrogate cannot be encoded and becomes U+FFFD.
    /// </summary>
    internal static string Text(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is '\t' or '\r' or '\n' || c > 0x7F || !Rune.IsControl(rune))
            {
                // C1 controls (U+0080..U+009F) are NON-US-ASCII, which TEXT allows; EnumerateRunes gives
                // U+FFFD for a lone surrogate.
                text.Append(rune.ToString());
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Ical.Net 5.2.4 folds between UTF-16 code units, so a character outside the Basic Multilingual Plane (an emoji)
    /// that meets a fold is cut into two halves that UTF-8 cannot carry. Its folds are undone (a content line never
    /// starts with a space, and escaped TEXT holds no line break) and made again between characters: no physical line
    /// exceeds 75 octets of UTF-8 (CRLF not counted), and each continuation starts with one space, which counts.
    /// </summary>
    private static string Refold(string ics)
    {
        var folded = new StringBuilder(ics.Length + (ics.Length / 64));
        var lines = ics.Replace(Fold, "", StringComparison.Ordinal).Split("\r\n");
        foreach (var line in lines.AsSpan(0, lines.Length - 1))
        {
            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > MaxLineOctets)
                {
                    folded.Append(Fold);
                    octets = 1;
                }

                folded.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }

            folded.Append("\r\n");
        }

        return folded.ToString();
    }
}
