using System.Globalization;
using System.Text;

namespace Collaboration.Grains.Reporting;

/// <summary>
/// Writes who took part in which event as RFC 4180 CSV, one row per delegation:
/// <c>event,startDate,endDate,town,country,participants,role</c>.
/// </summary>
/// <remarks>
/// The rows are the information template's data in table form (same events, same order, same
/// delegations), so that an exported sheet and the published text never disagree. Records end
/// with CRLF, the last one too; the text has no byte order mark (the caller encodes it).
/// </remarks>
public static class ParticipantsCsvWriter
{
    /// <summary>The header record.</summary>
    public const string Header = "event,startDate,endDate,town,country,participants,role";

    /// <summary>
    /// The header, then per reported event (not cancelled, with participation recorded; oldest
    /// first) one row per delegation of more than zero people, most participants first. Dates are
    /// ISO (yyyy-MM-dd), as everywhere in the API; role is <c>local</c> for the host's delegation
    /// and <c>invited</c> for every other.
    /// </summary>
    public static string Write(IEnumerable<ReportEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        foreach (var e in ReportSelection.ReportedEvents(events))
        {
            foreach (var d in ReportSelection.ListedDelegations(e))
            {
                csv.Append(Field(e.Title)).Append(',')
                    .Append(Field(Date(e.StartDate))).Append(',')
                    .Append(Field(Date(e.EndDate))).Append(',')
                    .Append(Field(d.Town)).Append(',')
                    .Append(Field(d.Country)).Append(',')
                    .Append(Field(d.Participants.ToString(CultureInfo.InvariantCulture))).Append(',')
                    .Append(Field(d.IsHost ? "local" : "invited"))
                    .Append("\r\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// One field. A value that a spreadsheet would run as a formula (it starts with '=', '+', '-',
    /// '@', or with TAB or CR, which some spreadsheets skip before such a character) gets a
    /// leading apostrophe, so that it shows as text (OWASP's advice on CSV injection). Then the
    /// field is quoted when it holds a comma, a quote, CR or LF, with quotes doubled (RFC 4180).
    /// </summary>
    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}
