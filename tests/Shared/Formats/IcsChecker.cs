using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Collaboration.Tests.Formats;

/// <summary>
/// A small RFC 5545 checker, strict about what our writer must get right: it fails the test at
/// the first violation and returns the parsed VCALENDAR.
/// </summary>
internal static partial class IcsChecker
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Properties whose values are TEXT in what we write (CATEGORIES is a list of TEXT).
    private static readonly HashSet<string> TextProperties =
        ["PRODID", "X-WR-CALNAME", "UID", "SUMMARY", "LOCATION", "DESCRIPTION", "CATEGORIES"];

    public static IcsComponent Check(string ics) => Check(Encoding.UTF8.GetBytes(ics));

    public static IcsComponent Check(byte[] octets)
    {
        var physical = PhysicalLines(octets);
        var contentLines = Unfold(physical);

        var stack = new Stack<IcsComponent>();
        IcsComponent? calendar = null;
        foreach (var raw in contentLines)
        {
            var line = Parse(raw);
            if (line.Name == "BEGIN")
            {
                Assert.True(stack.Count > 0 || calendar is null, "Only one top-level component is allowed.");
                var component = new IcsComponent(line.Value, [], []);
                if (stack.Count > 0)
                {
                    stack.Peek().Components.Add(component);
                }

                stack.Push(component);
            }
            else if (line.Name == "END")
            {
                Assert.True(stack.Count > 0, $"END:{line.Value} without BEGIN.");
                var component = stack.Pop();
                Assert.True(component.Name == line.Value, $"BEGIN:{component.Name} closed by END:{line.Value}.");
                if (stack.Count == 0)
                {
                    calendar = component;
                }
            }
            else
            {
                Assert.True(stack.Count > 0, $"Property {line.Name} outside any component.");
                CheckValue(line);
                stack.Peek().Properties.Add(line);
            }
        }

        Assert.True(stack.Count == 0, "Unclosed BEGIN:" + (stack.Count > 0 ? stack.Peek().Name : ""));
        Assert.NotNull(calendar);
        Assert.Equal("VCALENDAR", calendar.Name);
        ExactlyOnce(calendar, "VERSION");
        ExactlyOnce(calendar, "PRODID");
        Assert.Equal("2.0", calendar.Property("VERSION").Value);
        foreach (var vevent in calendar.Components)
        {
            Assert.Equal("VEVENT", vevent.Name);
            CheckEvent(vevent);
        }

        return calendar;
    }

    public static string UnescapeText(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            i++;
            text.Append(value[i] switch
            {
                'n' or 'N' => '\n',
                var escaped => escaped,
            });
        }

        return text.ToString();
    }

    private static List<string> PhysicalLines(byte[] octets)
    {
        Assert.True(octets.Length >= 2 && octets[^2] == '\r' && octets[^1] == '\n', "The text must end with CRLF.");
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < octets.Length; i++)
        {
            if (octets[i] == '\n')
            {
                Assert.True(i > 0 && octets[i - 1] == '\r', $"Bare LF at octet {i}.");
                var length = i - 1 - start;
                Assert.True(length <= 75, $"Physical line of {length} octets (more than 75) at octet {start}.");

                // Decoding each physical line on its own proves no fold split a UTF-8 sequence.
                string line;
                try
                {
                    line = StrictUtf8.GetString(octets, start, length);
                }
                catch (DecoderFallbackException e)
                {
                    throw new Xunit.Sdk.XunitException($"Physical line at octet {start} is not valid UTF-8 on its own: {e.Message}");
                }

                Assert.True(line.Length > 0, $"Empty physical line at octet {start}.");
                lines.Add(line);
                start = i + 1;
            }
            else if (octets[i] == '\r')
            {
                Assert.True(i + 1 < octets.Length && octets[i + 1] == '\n', $"Bare CR at octet {i}.");
            }
        }

        return lines;
    }

    private static List<string> Unfold(List<string> physical)
    {
        var content = new List<string>();
        foreach (var line in physical)
        {
            if (line[0] is ' ' or '\t')
            {
                Assert.True(content.Count > 0, "The first line cannot be a continuation.");
                content[^1] += line[1..];
            }
            else
            {
                content.Add(line);
            }
        }

        return content;
    }

    private static IcsContentLine Parse(string line)
    {
        var match = ContentLine().Match(line);
        Assert.True(match.Success, $"Not a content line (name[;params]:value): {line}");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Capture capture in match.Groups["param"].Captures)
        {
            var equals = capture.Value.IndexOf('=', StringComparison.Ordinal);
            parameters.Add(capture.Value[..equals].ToUpperInvariant(), capture.Value[(equals + 1)..]);
        }

        return new IcsContentLine(match.Groups["name"].Value.ToUpperInvariant(), parameters, match.Groups["value"].Value);
    }

    private static void CheckValue(IcsContentLine line)
    {
        if (TextProperties.Contains(line.Name))
        {
            // An unescaped ';' never appears in TEXT; an unescaped ',' only between list items.
            var allowComma = line.Name == "CATEGORIES";
            for (var i = 0; i < line.Value.Length; i++)
            {
                var c = line.Value[i];
                if (c == '\\')
                {
                    Assert.True(i + 1 < line.Value.Length && line.Value[i + 1] is '\\' or ';' or ',' or 'n' or 'N',
                        $"Bad escape in {line.Name}: {line.Value}");
                    i++;
                }
                else
                {
                    Assert.True(c != ';' && (allowComma || c != ','), $"Unescaped '{c}' in {line.Name}: {line.Value}");
                }
            }
        }

        if (line.Parameters.TryGetValue("VALUE", out var type) && type == "DATE")
        {
            Date(line);
        }
    }

    private static void CheckEvent(IcsComponent vevent)
    {
        ExactlyOnce(vevent, "UID");
        ExactlyOnce(vevent, "DTSTAMP");
        ExactlyOnce(vevent, "DTSTART");
        Assert.True(vevent.Properties.Count(p => p.Name is "DTEND" or "DURATION") <= 1, "DTEND or DURATION at most once.");
        Assert.Matches(@"^\d{8}T\d{6}Z$", vevent.Property("DTSTAMP").Value);
        Assert.True(
            DateTime.TryParseExact(vevent.Property("DTSTAMP").Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "DTSTAMP is not a date-time.");

        var start = vevent.Property("DTSTART");
        Assert.Equal("DATE", start.Parameters.GetValueOrDefault("VALUE"));
        var end = vevent.Properties.SingleOrDefault(p => p.Name == "DTEND");
        if (end is not null)
        {
            Assert.Equal("DATE", end.Parameters.GetValueOrDefault("VALUE"));
            Assert.True(Date(end) > Date(start), $"DTEND {end.Value} is not after DTSTART {start.Value}.");
        }

        foreach (var status in vevent.Properties.Where(p => p.Name == "STATUS"))
        {
            Assert.Contains(status.Value, new[] { "TENTATIVE", "CONFIRMED", "CANCELLED" });
        }
    }

    private static DateOnly Date(IcsContentLine line)
    {
        Assert.True(
            DateOnly.TryParseExact(line.Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date),
            $"{line.Name} is not a DATE: {line.Value}");
        return date;
    }

    private static void ExactlyOnce(IcsComponent component, string name) =>
        Assert.True(component.Properties.Count(p => p.Name == name) == 1, $"{component.Name} must have exactly one {name}.");

    // name *(";" param) ":" value, with param values as paramtext or quoted-string, lists by ','.
    // CONTROL (all C0 but HTAB, and DEL) is allowed nowhere.
    [GeneratedRegex("""
        ^(?<name>[A-Za-z0-9-]+)
        (?:;(?<param>[A-Za-z0-9-]+=(?:"[^"\x00-\x08\x0A-\x1F\x7F]*"|[^";:,\x00-\x08\x0A-\x1F\x7F]*)(?:,(?:"[^"\x00-\x08\x0A-\x1F\x7F]*"|[^";:,\x00-\x08\x0A-\x1F\x7F]*))*))*
        :(?<value>[^\x00-\x08\x0A-\x1F\x7F]*)$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ContentLine();
}
