using System.Globalization;
using System.Text;
using Collaboration.Grains.Events;
using Collaboration.Grains.Reporting;
using Collaboration.Tests.Formats;

namespace Collaboration.Grains.Tests.Reporting;

public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2017, 9, 1, 10, 30, 15, TimeSpan.Zero);

    private static ReportEvent Conference() => new()
    {
        Id = "ev-17",
        Title = "SHELTER international conference",
        Kind = EventKind.Conference,
        StartDate = new DateOnly(2017, 10, 12),
        EndDate = new DateOnly(2017, 10, 16),
        Place = "Palazzo comunale",
        HostTown = "Canepina",
        HostCountry = "Italy",
        Description = "Integration policies of smaller municipalities",
    };

    [Fact]
    public void ACalendarWithOneEventIsWrittenExactlySo()
    {
        var ics = CalendarWriter.Write("SHELTER", [Conference()], Stamp);

        Assert.Equal(
            "BEGIN:VCALENDAR\r\n" +
            "CALSCALE:GREGORIAN\r\n" +
            "METHOD:PUBLISH\r\n" +
            "PRODID:-//Collaboration//Collaboration events//EN\r\n" +
            "VERSION:2.0\r\n" +
            "X-WR-CALNAME:SHELTER\r\n" +
            "BEGIN:VEVENT\r\n" +
            "CATEGORIES:Conference\r\n" +
            "DESCRIPTION:Integration policies of smaller municipalities\r\n" +
            "DTEND;VALUE=DATE:20171017\r\n" +
            "DTSTAMP:20170901T103015Z\r\n" +
            "DTSTART;VALUE=DATE:20171012\r\n" +
            "LOCATION:Palazzo comunale\\, Canepina\\, Italy\r\n" +
            "SEQUENCE:0\r\n" +
            "STATUS:CONFIRMED\r\n" +
            "SUMMARY:SHELTER international conference\r\n" +
            "UID:ev-17@collaboration\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n",
            ics);
        IcsChecker.Check(ics);
    }

    [Fact]
    public void LongDescriptionsInLithuanianAndSlovenianWithEmojiAreFoldedWithoutSplittingACharacter()
    {
        var description =
            "Kelmės rajono savivaldybė pristatė jaunimo savanorystės programą: „Mūsų bendruomenė – mūsų ateitis“. " +
            "Mestna občina Novo mesto je predstavila model lokalnega partnerstva med občino in nevladnimi organizacijami " +
            "za vključevanje priseljencev; sodelovali so Društvo Šentjernej, Čebelarsko društvo in Žabja mlaka. " +
            "🇪🇺🤝🏘️👩‍👩‍👧 Ευρώπη 欧洲 — ¿qué tal? " + string.Concat(Enumerable.Repeat("ąčęėįšųūž", 12));
        var reportEvent = Conference() with
        {
            Title = "Tarptautinė konferencija „Solidarumas“ / Mednarodna konferenca 🌍",
            Description = description,
            HostTown = "Kelmė",
            HostCountry = "Lithuania",
        };

        var ics = CalendarWriter.Write("Kelmės ir Novo mesto renginiai 🎉", [reportEvent], Stamp);

        var calendar = IcsChecker.Check(ics);
        var vevent = Assert.Single(calendar.Components);
        Assert.Equal(description, vevent.Text("DESCRIPTION"));
        Assert.Equal(reportEvent.Title, vevent.Text("SUMMARY"));
        Assert.Equal("Palazzo comunale, Kelmė, Lithuania", vevent.Text("LOCATION"));
        Assert.Equal("Kelmės ir Novo mesto renginiai 🎉", calendar.Text("X-WR-CALNAME"));
        Assert.Contains("\r\n ", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFoldPositionRelativeToMultiByteCharactersGivesValidLines()
    {
        // Shifting the text one ASCII character at a time puts each fold at every offset within
        // 2-, 3- and 4-octet sequences and surrogate pairs.
        for (var shift = 0; shift < 80; shift++)
        {
            var description = new string('x', shift) + string.Concat(Enumerable.Repeat("ė€😀žﬁ", 40));
            var ics = CalendarWriter.Write("c", [Conference() with { Description = description }], Stamp);

            var vevent = Assert.Single(IcsChecker.Check(ics).Components);
            Assert.Equal(description, vevent.Text("DESCRIPTION"));
        }
    }

    [Fact]
    public void PhysicalLinesUseTheFull75OctetsBeforeFolding()
    {
        var ics = CalendarWriter.Write("c", [Conference() with { Description = new string('a', 200) }], Stamp);

        var lines = ics.Split("\r\n").Where(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal) || l.StartsWith(' ')).ToList();
        Assert.Equal(75, lines[0].Length);
        Assert.Equal(75, lines[1].Length);
        Assert.Equal(" " + new string('a', 200 - 63 - 74), lines[2]);
    }

    [Fact]
    public void CommasSemicolonsBackslashesAndLineBreaksInTextAreEscaped()
    {
        var reportEvent = Conference() with
        {
            Title = "Debate; culture, tourism \\ mobility",
            Description = "First line,\r\nsecond; line\nthird\rfourth \\n not a break",
            Place = "Sala \"Verdi\", 1st floor",
        };

        var ics = CalendarWriter.Write("Network; of, towns", [reportEvent], Stamp);

        Assert.Contains("\r\nSUMMARY:Debate\\; culture\\, tourism \\\\ mobility\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:First line\\,\\nsecond\\; line\\nthird\\nfourth \\\\n not a break\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:Sala \"Verdi\"\\, 1st floor\\, Canepina\\, Italy\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Network\\; of\\, towns\r\n", ics, StringComparison.Ordinal);
        var vevent = Assert.Single(IcsChecker.Check(ics).Components);
        Assert.Equal("First line,\nsecond; line\nthird\nfourth \\n not a break", vevent.Text("DESCRIPTION"));
    }

    [Fact]
    public void ControlCharactersOtherThanTabAreDroppedFromText()
    {
        var ics = CalendarWriter.Write("c", [Conference() with { Title = "Bell\a and\ttab\0 and del\u007F" }], Stamp);

        Assert.Contains("\r\nSUMMARY:Bell and\ttab and del\r\n", ics, StringComparison.Ordinal);
        IcsChecker.Check(ics);
    }

    [Fact]
    public void ACancelledEventStaysInTheCalendarWithStatusCancelled()
    {
        var ics = CalendarWriter.Write("c", [Conference() with { Cancelled = true }, Conference() with { Id = "ev-18" }], Stamp);

        var events = IcsChecker.Check(ics).Components;
        Assert.Equal(["CANCELLED", "CONFIRMED"], events.Select(e => e.Property("STATUS").Value));
    }

    [Fact]
    public void TheEndDateIsExclusiveSoAOneDayEventEndsTheNextDayEvenAcrossAYear()
    {
        var oneDay = Conference() with { Id = "one", StartDate = new(2017, 10, 12), EndDate = new(2017, 10, 12) };
        var newYear = Conference() with { Id = "ny", StartDate = new(2017, 12, 30), EndDate = new(2017, 12, 31) };
        var leap = Conference() with { Id = "leap", StartDate = new(2020, 2, 28), EndDate = new(2020, 2, 29) };

        var events = IcsChecker.Check(CalendarWriter.Write("c", [oneDay, newYear, leap], Stamp)).Components;

        Assert.Equal(
            [("20171012", "20171013"), ("20171230", "20180101"), ("20200228", "20200301")],
            events.Select(e => (e.Property("DTSTART").Value, e.Property("DTEND").Value)));
    }

    [Fact]
    public void TheUidDependsOnlyOnTheEventIdAndTheStampIsWrittenInUtc()
    {
        var first = IcsChecker.Check(CalendarWriter.Write("c", [Conference()], Stamp)).Components.Single();
        var later = IcsChecker.Check(CalendarWriter.Write("c", [Conference() with { Title = "Renamed" }],
            new DateTimeOffset(2017, 10, 20, 9, 5, 0, 500, TimeSpan.FromHours(2)))).Components.Single();

        Assert.Equal("ev-17@collaboration", first.Text("UID"));
        Assert.Equal(first.Text("UID"), later.Text("UID"));
        Assert.Equal("20171020T070500Z", later.Property("DTSTAMP").Value);
    }

    [Theory]
    [InlineData(EventKind.Conference, "Conference")]
    [InlineData(EventKind.Workshop, "Workshop")]
    [InlineData(EventKind.StudyVisit, "Study visit")]
    [InlineData(EventKind.LocalEvent, "Local event")]
    [InlineData(EventKind.Seminar, "Seminar")]
    [InlineData(EventKind.Other, "Other")]
    public void TheCategoryNamesTheKindOfEvent(EventKind kind, string category)
    {
        var vevent = IcsChecker.Check(CalendarWriter.Write("c", [Conference() with { Kind = kind }], Stamp)).Components.Single();

        Assert.Equal(category, vevent.Text("CATEGORIES"));
    }

    [Fact]
    public void AnEmptyPlaceIsLeftOutOfTheLocationAndAnEmptyDescriptionIsNotWritten()
    {
        var ics = CalendarWriter.Write("c", [Conference() with { Place = " ", Description = "  \n" }], Stamp);

        Assert.Contains("\r\nLOCATION:Canepina\\, Italy\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DESCRIPTION", ics, StringComparison.Ordinal);
        IcsChecker.Check(ics);
    }

    [Fact]
    public void EventsAreWrittenOldestFirstWhateverTheInputOrder()
    {
        var later = Conference() with { Id = "later", StartDate = new(2018, 1, 10), EndDate = new(2018, 1, 10) };
        var earlier = Conference() with { Id = "earlier", StartDate = new(2017, 1, 10), EndDate = new(2017, 1, 10) };

        var events = IcsChecker.Check(CalendarWriter.Write("c", [later, earlier], Stamp)).Components;

        Assert.Equal(["earlier@collaboration", "later@collaboration"], events.Select(e => e.Text("UID")));
    }

    [Fact]
    public void ACalendarWithoutEventsIsStillBalancedAndNamesItself()
    {
        var calendar = IcsChecker.Check(CalendarWriter.Write("Novo mesto", [], Stamp));

        Assert.Empty(calendar.Components);
        Assert.Equal("PUBLISH", calendar.Property("METHOD").Value);
        Assert.Equal("GREGORIAN", calendar.Property("CALSCALE").Value);
        Assert.Equal("Novo mesto", calendar.Text("X-WR-CALNAME"));
    }

    [Fact]
    public void AnEventEndingBeforeItStartsIsRejected()
    {
        var backwards = Conference() with { EndDate = new DateOnly(2017, 10, 11) };

        Assert.Throws<ArgumentException>(() => CalendarWriter.Write("c", [backwards], Stamp));
    }

    [Fact]
    public void ADescriptionOfEmojiOnlySurvivesFoldingAndUnfoldingOctetForOctet()
    {
        var ics = CalendarWriter.Write("c", [Conference() with { Description = string.Concat(Enumerable.Repeat("😀", 60)) }], Stamp);
        var octets = Encoding.UTF8.GetBytes(ics);

        var vevent = Assert.Single(IcsChecker.Check(octets).Components);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 60)), vevent.Text("DESCRIPTION"));
    }

    [Fact]
    public async Task IcalJsReadsEveryCalendarBackAsItWasWritten()
    {
        ReportEvent[][] calendars =
        [
            [Conference()],
            [
                Conference() with
                {
                    Id = "lt",
                    Title = "Tarptautinė konferencija „Solidarumas“ / Mednarodna konferenca 🌍",
                    Description = "Kelmės rajono savivaldybė 🇪🇺🤝🏘️👩‍👩‍👧 Ευρώπη 欧洲 — ¿qué tal? " + string.Concat(Enumerable.Repeat("ąčęėįšųūž😀", 12)),
                    HostTown = "Kelmė",
                    HostCountry = "Lithuania",
                },
                Conference() with
                {
                    Id = "escapes",
                    Title = "Debate; culture, tourism \\ mobility",
                    Description = "First line,\r\nsecond; line\nthird\rfourth \\n not a break",
                    Place = "Sala \"Verdi\", 1st floor",
                    Kind = EventKind.StudyVisit,
                    Cancelled = true,
                },
                Conference() with { Id = "new-year", StartDate = new(2017, 12, 31), EndDate = new(2017, 12, 31), Place = "", Description = "" },
            ],
            [.. Enumerable.Range(0, 80).Select(shift => Conference() with
            {
                Id = $"shift-{shift}",
                Description = new string('x', shift) + string.Concat(Enumerable.Repeat("ė€😀žﬁ", 40)),
            })],
            [],
        ];

        var parsed = await IcalJs.ParseAsync([.. calendars.Select(events => CalendarWriter.Write("Novo mesto", events, Stamp))]);

        Assert.All(parsed, calendar =>
        {
            Assert.Equal("Novo mesto", calendar.Name);
            Assert.Equal(CalendarWriter.ProductId, calendar.ProductId);
        });
        foreach (var (events, calendar) in calendars.Zip(parsed))
        {
            var written = events.OrderBy(e => e.StartDate).ThenBy(e => e.EndDate).ThenBy(e => e.Title, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal);
            Assert.Equal(written.Select(e => e.Id + "@collaboration"), calendar.Events.Select(e => e.Uid));
            foreach (var (expected, read) in written.Zip(calendar.Events))
            {
                Assert.Equal(expected.Title, read.Summary);
                Assert.Equal(expected.Description.Length == 0 ? null : expected.Description.Replace("\r\n", "\n").Replace('\r', '\n'), read.Description);
                Assert.Equal(string.Join(", ", new[] { expected.Place, expected.HostTown, expected.HostCountry }.Where(p => p.Length > 0)), read.Location);
                Assert.Equal([CalendarWriter.Category(expected.Kind)], read.Categories);
                Assert.Equal(expected.Cancelled ? "CANCELLED" : "CONFIRMED", read.Status);
                Assert.Equal(new IcalJsTime(expected.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IsDate: true), read.Start);
                Assert.Equal(new IcalJsTime(expected.EndDate.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IsDate: true), read.End);
                Assert.Equal(new IcalJsTime("2017-09-01T10:30:15Z", IsDate: false), read.Stamp);
            }
        }
    }
}
