using Collaboration.Tests.Formats;
using Xunit.Sdk;

namespace Collaboration.Grains.Tests.Reporting;

/// <summary>The checker must itself catch what it is there to catch.</summary>
public sealed class IcsCheckerTests
{
    private const string Valid =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" +
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20170901T103015Z\r\nDTSTART;VALUE=DATE:20171012\r\nDTEND;VALUE=DATE:20171013\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    [Fact]
    public void TheCheckerAcceptsAMinimalValidCalendar() => IcsChecker.Check(Valid);

    [Theory]
    [InlineData("bare LF", "VERSION:2.0\r\n", "VERSION:2.0\n")]
    [InlineData("line over 75 octets", "PRODID:x\r\n", "PRODID:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n")]
    [InlineData("no colon", "UID:a\r\n", "UID a\r\n")]
    [InlineData("unbalanced", "END:VEVENT\r\n", "")]
    [InlineData("mismatched END", "END:VEVENT\r\n", "END:VTODO\r\n")]
    [InlineData("missing UID", "UID:a\r\n", "")]
    [InlineData("missing DTSTAMP", "DTSTAMP:20170901T103015Z\r\n", "")]
    [InlineData("not a date", "DTSTART;VALUE=DATE:20171012", "DTSTART;VALUE=DATE:2017-10-12")]
    [InlineData("DTEND not after DTSTART", "DTEND;VALUE=DATE:20171013", "DTEND;VALUE=DATE:20171012")]
    [InlineData("unescaped semicolon in TEXT", "UID:a\r\n", "UID:a;b\r\n")]
    [InlineData("unescaped comma in TEXT", "UID:a\r\n", "UID:a,b\r\n")]
    [InlineData("missing VERSION", "VERSION:2.0\r\n", "")]
    public void TheCheckerRejectsACalendarThatBreaksTheRules(string why, string part, string replacement)
    {
        Assert.NotEmpty(why);
        Assert.ThrowsAny<XunitException>(() => IcsChecker.Check(Valid.Replace(part, replacement, StringComparison.Ordinal)));
    }

    [Fact]
    public void TheCheckerRejectsAFoldThatSplitsAMultiByteCharacter()
    {
        var octets = System.Text.Encoding.UTF8.GetBytes(Valid.Replace("UID:a", "UID:aė", StringComparison.Ordinal)).ToList();
        var inside = octets.IndexOf(0xC4) + 1;
        octets.InsertRange(inside, "\r\n "u8.ToArray());

        Assert.ThrowsAny<XunitException>(() => IcsChecker.Check(octets.ToArray()));
    }
}
