using System.Globalization;
using System.Text;
using Collaboration.Grains.Events;

namespace Collaboration.Grains.Reporting;

/// <summary>
/// Writes events as an RFC 5545 iCalendar object (<c>text/calendar</c>): one VEVENT per event,
/// all-day dates, CRLF line ends, TEXT escaping and folding at 75 octets.
/// </summary>
public static class CalendarWriter
{
    /// <summary>What the calendar says it was produced by (PRODID).</summary>
    public const string ProductId = "-//Collaboration//Collaboration events//EN";

    private const int MaxLineOctets = 75;

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
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        var ics = new StringBuilder();
        AppendLine(ics, "BEGIN:VCALENDAR");
        AppendLine(ics, "VERSION:2.0");
        AppendLine(ics, "PRODID:" + EscapeText(ProductId));
        AppendLine(ics, "CALSCALE:GREGORIAN");
        AppendLine(ics, "METHOD:PUBLISH");
        AppendLine(ics, "X-WR-CALNAME:" + EscapeText(calendarName));
        foreach (var e in ordered)
        {
            AppendLine(ics, "BEGIN:VEVENT");
            AppendLine(ics, "UID:" + EscapeText(e.Id + "@collaboration"));
            AppendLine(ics, "DTSTAMP:" + dtstamp);
            AppendLine(ics, "DTSTART;VALUE=DATE:" + Date(e.StartDate));
            // All-day events: DTEND is exclusive, so the day after the last day.
            AppendLine(ics, "DTEND;VALUE=DATE:" + Date(e.EndDate.AddDays(1)));
            AppendLine(ics, "SUMMARY:" + EscapeText(e.Title));
            var location = string.Join(", ", new[] { e.Place, e.HostTown, e.HostCountry }
                .Select(part => part.Trim())
                .Where(part => part.Length > 0));
            if (location.Length > 0)
            {
                AppendLine(ics, "LOCATION:" + EscapeText(location));
            }

            var description = e.Description.TrimEnd();
            if (description.Length > 0)
            {
                AppendLine(ics, "DESCRIPTION:" + EscapeText(description));
            }

            AppendLine(ics, "CATEGORIES:" + EscapeText(Category(e.Kind)));
            AppendLine(ics, e.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
            AppendLine(ics, "END:VEVENT");
        }

        AppendLine(ics, "END:VCALENDAR");
        return ics.ToString();
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

    /// <summary>
    /// RFC 5545 TEXT escaping: backslash, semicolon and comma are escaped, every line break (CRLF,
    /// CR or LF) becomes "\n". Other control characters are not allowed in a value (only HTAB is),
    /// so they are dropped.
    /// </summary>
    internal static string EscapeText(string value)
    {
        var escaped = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    escaped.Append(@"\n");
                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (!char.IsControl(c) || c > '\u007F')
                    {
                        // C1 controls (U+0080..U+009F) are NON-US-ASCII, which TEXT allows.
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Appends one content line, folded so that no physical line exceeds 75 octets of UTF-8
    /// (CRLF not counted); a fold never splits a character (a rune: so neither a multi-byte
    /// sequence nor a surrogate pair), and each continuation line starts with one space, which
    /// counts towards its 75. A lone surrogate cannot be encoded and is written as U+FFFD.
    /// </summary>
    private static void AppendLine(StringBuilder ics, string contentLine)
    {
        var octets = 0;
        foreach (var rune in contentLine.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                ics.Append("\r\n ");
                octets = 1;
            }

            ics.Append(rune.ToString());
            octets += size;
        }

        ics.Append("\r\n");
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
