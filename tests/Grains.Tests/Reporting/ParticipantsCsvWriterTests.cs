using Collaboration.Grains.Events;
using Collaboration.Grains.Reporting;
using Collaboration.Tests.Formats;

namespace Collaboration.Grains.Tests.Reporting;

public sealed class ParticipantsCsvWriterTests
{
    private static ReportEvent Conference() => new()
    {
        Id = "ev-conference",
        Title = "International conference",
        Kind = EventKind.Conference,
        StartDate = new DateOnly(2017, 10, 12),
        EndDate = new DateOnly(2017, 10, 16),
        Place = "",
        HostTown = "Canepina",
        HostCountry = "Italy",
        Description = "to exchange good practices",
        Participations =
        [
            new ReportParticipation("Novo mesto", "Slovenia", 12, false),
            new ReportParticipation("Herceg Novi", "Montenegro", 12, false),
            new ReportParticipation("Canepina", "Italy", 40, true),
            new ReportParticipation("Kelmė", "Lithuania", 0, false),
        ],
    };

    [Fact]
    public void EachDelegationIsARowInTheOrderOfTheInformationTemplate()
    {
        var local = Conference() with
        {
            Id = "ev-local",
            Title = "Local event",
            StartDate = new DateOnly(2017, 6, 3),
            EndDate = new DateOnly(2017, 6, 3),
            Participations = [new ReportParticipation("Gallese", "Italy", 60, true)],
        };
        var cancelled = local with { Id = "ev-cancelled", Title = "Cancelled", Cancelled = true };

        var csv = ParticipantsCsvWriter.Write([Conference(), cancelled, local]);

        Assert.Equal(
            "event,startDate,endDate,town,country,participants,role\r\n" +
            "Local event,2017-06-03,2017-06-03,Gallese,Italy,60,local\r\n" +
            "International conference,2017-10-12,2017-10-16,Canepina,Italy,40,local\r\n" +
            "International conference,2017-10-12,2017-10-16,Herceg Novi,Montenegro,12,invited\r\n" +
            "International conference,2017-10-12,2017-10-16,Novo mesto,Slovenia,12,invited\r\n",
            csv);
    }

    [Fact]
    public void WithoutReportedEventsThereIsOnlyTheHeader()
    {
        Assert.Equal("event,startDate,endDate,town,country,participants,role\r\n", ParticipantsCsvWriter.Write([]));
    }

    [Fact]
    public void FieldsWithACommaAQuoteOrALineBreakAreQuotedWithQuotesDoubled()
    {
        var reportEvent = Conference() with
        {
            Title = "Workshop \"Solidarity\", part 1",
            Participations =
            [
                new ReportParticipation("Laragne-Montéglin", "France", 9, false),
                new ReportParticipation("Town with\r\nbreak", "Land\nof lines", 8, false),
                new ReportParticipation("Bare\rCR", "Bosnia and Herzegovina", 7, true),
            ],
        };

        var csv = ParticipantsCsvWriter.Write([reportEvent]);

        Assert.Equal(
            "event,startDate,endDate,town,country,participants,role\r\n" +
            "\"Workshop \"\"Solidarity\"\", part 1\",2017-10-12,2017-10-16,Laragne-Montéglin,France,9,invited\r\n" +
            "\"Workshop \"\"Solidarity\"\", part 1\",2017-10-12,2017-10-16,\"Town with\r\nbreak\",\"Land\nof lines\",8,invited\r\n" +
            "\"Workshop \"\"Solidarity\"\", part 1\",2017-10-12,2017-10-16,\"Bare\rCR\",Bosnia and Herzegovina,7,local\r\n",
            csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+39 Canepina", "'+39 Canepina")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Laragne-Montéglin", "Laragne-Montéglin")]
    [InlineData("A=B", "A=B")]
    [InlineData("", "")]
    public void AFieldThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe(string value, string field)
    {
        Assert.Equal(field, ParticipantsCsvWriter.Field(value));
    }

    [Fact]
    public void FormulaGuardedTitlesAndTownsAreWrittenInTheCsv()
    {
        var reportEvent = Conference() with
        {
            Title = "=1+1",
            Participations = [new ReportParticipation("@town", "-land", 5, true)],
        };

        var csv = ParticipantsCsvWriter.Write([reportEvent]);

        Assert.EndsWith("\r\n'=1+1,2017-10-12,2017-10-16,'@town,'-land,5,local\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCsvReadsBackToTheSameValuesWithAStrictRFC4180Reader()
    {
        var reportEvent = Conference() with
        {
            Title = "Debate, \"our\" future;\r\nand values",
            Participations =
            [
                new ReportParticipation("Kelmė", "Lithuania", 9, false),
                new ReportParticipation("Novo mesto, \"NM\"", "Slovenia", 12, true),
            ],
        };

        var records = Rfc4180Reader.Read(ParticipantsCsvWriter.Write([reportEvent]));

        Assert.Equal(
            [
                ["event", "startDate", "endDate", "town", "country", "participants", "role"],
                ["Debate, \"our\" future;\r\nand values", "2017-10-12", "2017-10-16", "Novo mesto, \"NM\"", "Slovenia", "12", "local"],
                ["Debate, \"our\" future;\r\nand values", "2017-10-12", "2017-10-16", "Kelmė", "Lithuania", "9", "invited"],
            ],
            records);
    }
}
