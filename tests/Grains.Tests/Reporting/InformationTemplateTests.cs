using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Reporting;

namespace Collaboration.Grains.Tests.Reporting;

public sealed class InformationTemplateTests
{
    private const string ShelterTitle = "SHELTER - Solidarity hosting evolution looked through European Regions";

    private static ReportEvent Event(
        string id,
        string title,
        DateOnly start,
        DateOnly end,
        string hostTown,
        string hostCountry,
        string description,
        params ReportParticipation[] participations) => new()
        {
            Id = id,
            Title = title,
            Kind = EventKind.Conference,
            StartDate = start,
            EndDate = end,
            Place = "",
            HostTown = hostTown,
            HostCountry = hostCountry,
            Description = description,
            Participations = participations,
        };

    private static ReportEvent ShelterConference() => Event(
        "ev-conference",
        "International conference",
        new DateOnly(2017, 10, 12),
        new DateOnly(2017, 10, 16),
        "Canepina",
        "Italy",
        "to exchange good practices on the integration policies of smaller municipalities, among them Novo mesto's local partnership between the municipality and NGOs for integrating immigrants",
        // Out of order on purpose; two ties (12 and 9) are settled by the town's name.
        new ReportParticipation("Novo mesto", "Slovenia", 12, false),
        new ReportParticipation("Laragne-Montéglin", "France", 9, false),
        new ReportParticipation("Gallese", "Italy", 25, false),
        new ReportParticipation("Kelmė", "Lithuania", 9, false),
        new ReportParticipation("Herceg Novi", "Montenegro", 12, false),
        new ReportParticipation("Canepina", "Italy", 40, true));

    private static ReportProject Shelter(params ReportEvent[] events) =>
        new(ShelterTitle, Programme.EuropeForCitizens, Measure.NetworkOfTowns, events);

    [Fact]
    public void TheShelterConferenceIsReportedWithTheEuropeForCitizensTextByteForByte()
    {
        var text = InformationTemplate.Render(Shelter(ShelterConference()));

        const string expected =
            "The project «SHELTER - Solidarity hosting evolution looked through European Regions» was funded with the support of the European Union under the Programme \"Europe for Citizens\"\n" +
            "Applicable to the Strand 2 – Measure 2.2 \"Networks of Towns\"\n" +
            "1 events have been carried out within this project:\n" +
            "Event 1\n" +
            "Participation: The event involved 107 citizens, including 40 participants from the city of Canepina (Italy), 25 participants from the city of Gallese (Italy), 12 participants from the city of Herceg Novi (Montenegro), 12 participants from the city of Novo mesto (Slovenia), 9 participants from the city of Kelmė (Lithuania), 9 participants from the city of Laragne-Montéglin (France)\n" +
            "Location / Dates: The event took place in Canepina, Italy, from 12/10/2017 to 16/10/2017\n" +
            "Short description: The aim of the event was to exchange good practices on the integration policies of smaller municipalities, among them Novo mesto's local partnership between the municipality and NGOs for integrating immigrants\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void TheSpecialCharactersAreTheGuillemetsTheEnDashAndEWithDotAboveAsUTF8()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(InformationTemplate.Render(Shelter(ShelterConference())));
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        // Spelled as escapes so that the test does not depend on how this file was saved.
        Assert.Contains("The project \u00ABSHELTER", text, StringComparison.Ordinal);
        Assert.Contains("Regions\u00BB was funded", text, StringComparison.Ordinal);
        Assert.Contains("Strand 2 \u2013 Measure 2.2", text, StringComparison.Ordinal);
        Assert.Contains("Kelm\u0117 (Lithuania)", text, StringComparison.Ordinal);
        Assert.True(bytes.AsSpan().IndexOf([(byte)0xC2, (byte)0xAB]) > 0, "« as C2 AB");
        Assert.True(bytes.AsSpan().IndexOf([(byte)0xE2, (byte)0x80, (byte)0x93]) > 0, "– as E2 80 93");
        Assert.True(bytes.AsSpan().IndexOf([(byte)0xC4, (byte)0x97]) > 0, "ė as C4 97");
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void ANetworksOfTownsProjectNumbersItsEventsInDateOrderWhateverTheInputOrder()
    {
        var project = new ReportProject(
            "ACCESS - European Association: Common Challenges, Experiences of Shared Solutions for Migrants",
            Programme.EuropeForCitizens,
            Measure.NetworkOfTowns,
            [
                Event("ev-3", "Study visit to Novo mesto", new(2018, 5, 14), new(2018, 5, 16), "Novo mesto", "Slovenia",
                    "to show how the youth centre and the creative-industries lab work with migrants.",
                    new ReportParticipation("Novo mesto", "Slovenia", 30, true),
                    new ReportParticipation("Gallese", "Italy", 6, false),
                    new ReportParticipation("Herceg Novi", "Montenegro", 6, false)),
                Event("ev-4", "Closing conference", new(2018, 11, 20), new(2018, 11, 21), "Gallese", "Italy",
                    "to present the results", // no participation recorded yet: left out
                    []),
                Event("ev-1", "Kick-off conference", new(2017, 3, 9), new(2017, 3, 10), "Gallese", "Italy",
                    "to agree on the work plan   \n",
                    new ReportParticipation("Gallese", "Italy", 50, true),
                    new ReportParticipation("Novo mesto", "Slovenia", 4, false),
                    new ReportParticipation("Kelmė", "Lithuania", 3, false)),
                Event("ev-2", "Workshop on civic participation", new(2017, 9, 21), new(2017, 9, 22), "Kelmė", "Lithuania",
                    "to train local NGOs in involving newcomers in decision-making",
                    new ReportParticipation("Kelmė", "Lithuania", 45, true),
                    new ReportParticipation("Gallese", "Italy", 0, false), // zero: not listed
                    new ReportParticipation("Herceg Novi", "Montenegro", 5, false)),
            ]);

        var text = InformationTemplate.Render(project);

        const string expected =
            "The project «ACCESS - European Association: Common Challenges, Experiences of Shared Solutions for Migrants» was funded with the support of the European Union under the Programme \"Europe for Citizens\"\n" +
            "Applicable to the Strand 2 – Measure 2.2 \"Networks of Towns\"\n" +
            "3 events have been carried out within this project:\n" +
            "Event 1\n" +
            "Participation: The event involved 57 citizens, including 50 participants from the city of Gallese (Italy), 4 participants from the city of Novo mesto (Slovenia), 3 participants from the city of Kelmė (Lithuania)\n" +
            "Location / Dates: The event took place in Gallese, Italy, from 09/03/2017 to 10/03/2017\n" +
            "Short description: The aim of the event was to agree on the work plan\n" +
            "\n" +
            "Event 2\n" +
            "Participation: The event involved 50 citizens, including 45 participants from the city of Kelmė (Lithuania), 5 participants from the city of Herceg Novi (Montenegro)\n" +
            "Location / Dates: The event took place in Kelmė, Lithuania, from 21/09/2017 to 22/09/2017\n" +
            "Short description: The aim of the event was to train local NGOs in involving newcomers in decision-making\n" +
            "\n" +
            "Event 3\n" +
            "Participation: The event involved 42 citizens, including 30 participants from the city of Novo mesto (Slovenia), 6 participants from the city of Gallese (Italy), 6 participants from the city of Herceg Novi (Montenegro)\n" +
            "Location / Dates: The event took place in Novo mesto, Slovenia, from 14/05/2018 to 16/05/2018\n" +
            "Short description: The aim of the event was to show how the youth centre and the creative-industries lab work with migrants.\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void ATownTwinningProjectHasItsOwnMeasureLineAndSpeaksOfTheProjectNotably()
    {
        var project = new ReportProject(
            "Twinning across the Adriatic",
            Programme.EuropeForCitizens,
            Measure.TownTwinning,
            [
                Event("tt-2", "Return visit", new(2019, 9, 6), new(2019, 9, 8), "Gallese", "Italy",
                    "to plan joint volunteering activities",
                    new ReportParticipation("Gallese", "Italy", 35, true),
                    new ReportParticipation("Herceg Novi", "Montenegro", 28, false)),
                Event("tt-1", "Twinning days", new(2019, 5, 17), new(2019, 5, 19), "Herceg Novi", "Montenegro",
                    "to debate the common future of Europe with citizens of both towns",
                    new ReportParticipation("Gallese", "Italy", 27, false),
                    new ReportParticipation("Herceg Novi", "Montenegro", 60, true)),
            ]);

        var text = InformationTemplate.Render(project);

        const string expected =
            "The project «Twinning across the Adriatic» was funded with the support of the European Union under the Programme \"Europe for Citizens\"\n" +
            "Applicable to the Strand 2 – Measure 2.1 \"Town Twinning\"\n" +
            "2 events have been carried out within this project:\n" +
            "Event 1\n" +
            "Participation: The project involved 87 citizens, notably 60 participants from the city of Herceg Novi (Montenegro), 27 participants from the city of Gallese (Italy)\n" +
            "Location / Dates: The event took place in Herceg Novi, Montenegro, from 17/05/2019 to 19/05/2019\n" +
            "Short description: The aim of the event was to debate the common future of Europe with citizens of both towns\n" +
            "\n" +
            "Event 2\n" +
            "Participation: The project involved 63 citizens, notably 35 participants from the city of Gallese (Italy), 28 participants from the city of Herceg Novi (Montenegro)\n" +
            "Location / Dates: The event took place in Gallese, Italy, from 06/09/2019 to 08/09/2019\n" +
            "Short description: The aim of the event was to plan joint volunteering activities\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void ACERVProjectNamesTheCERVProgrammeAndTheMeasureWithoutStrandNumbers()
    {
        var project = new ReportProject("Towns for Europe", Programme.Cerv, Measure.NetworkOfTowns, []);

        Assert.Equal(
            "The project «Towns for Europe» was funded with the support of the European Union under the Citizens, Equality, Rights and Values Programme (CERV)\n" +
            "Applicable to the measure \"Networks of Towns\"\n" +
            "0 events have been carried out within this project:\n",
            InformationTemplate.Render(project));
    }

    [Fact]
    public void ACERVTownTwinningProjectUsesTheTownTwinningParticipationSentence()
    {
        var project = new ReportProject("Twins", Programme.Cerv, Measure.TownTwinning,
        [
            Event("e", "Meeting", new(2025, 6, 1), new(2025, 6, 1), "Gallese", "Italy", "to meet",
                new ReportParticipation("Gallese", "Italy", 30, true),
                new ReportParticipation("Kelmė", "Lithuania", 25, false)),
        ]);

        Assert.Equal(
            "The project «Twins» was funded with the support of the European Union under the Citizens, Equality, Rights and Values Programme (CERV)\n" +
            "Applicable to the measure \"Town Twinning\"\n" +
            "1 events have been carried out within this project:\n" +
            "Event 1\n" +
            "Participation: The project involved 55 citizens, notably 30 participants from the city of Gallese (Italy), 25 participants from the city of Kelmė (Lithuania)\n" +
            "Location / Dates: The event took place in Gallese, Italy, from 01/06/2025 to 01/06/2025\n" +
            "Short description: The aim of the event was to meet\n",
            InformationTemplate.Render(project));
    }

    [Fact]
    public void AProjectOfAnotherProgrammeNamesNoProgrammeAndAnotherMeasureHasNoMeasureLine()
    {
        var project = new ReportProject("Local roots", Programme.Other, Measure.Other, []);

        Assert.Equal(
            "The project «Local roots» was funded with the support of the European Union\n" +
            "0 events have been carried out within this project:\n",
            InformationTemplate.Render(project));
    }

    [Fact]
    public void AEuropeForCitizensProjectOfAnotherMeasureHasNoMeasureLine()
    {
        var project = new ReportProject("Remembering 1989", Programme.EuropeForCitizens, Measure.Other, []);

        Assert.Equal(
            "The project «Remembering 1989» was funded with the support of the European Union under the Programme \"Europe for Citizens\"\n" +
            "0 events have been carried out within this project:\n",
            InformationTemplate.Render(project));
    }

    [Fact]
    public void CancelledEventsAndEventsWhoseDelegationsAreAllZeroAreNotReported()
    {
        var cancelled = ShelterConference() with { Id = "cancelled", Cancelled = true };
        var empty = ShelterConference() with
        {
            Id = "zero",
            Participations = [new ReportParticipation("Canepina", "Italy", 0, true)],
        };

        var text = InformationTemplate.Render(Shelter(cancelled, empty));

        Assert.EndsWith("\n0 events have been carried out within this project:\n", text, StringComparison.Ordinal);
        Assert.Empty(InformationTemplate.ReportedEvents(Shelter(cancelled, empty)));
    }

    [Fact]
    public void EventsStartingTheSameDayAreOrderedByEndDateThenTitle()
    {
        var day = new DateOnly(2017, 10, 12);
        var one = new ReportParticipation("Canepina", "Italy", 1, true);
        var longer = Event("a", "A long one", day, day.AddDays(2), "Canepina", "Italy", "x", one);
        var shortB = Event("b", "B short", day, day, "Canepina", "Italy", "x", one);
        var shortA = Event("c", "A short", day, day, "Canepina", "Italy", "x", one);
        var lowerCase = Event("d", "a short", day, day, "Canepina", "Italy", "x", one);

        var order = InformationTemplate.ReportedEvents(Shelter(longer, shortB, lowerCase, shortA)).Select(e => e.Id);

        // Ordinal: upper case sorts before lower case.
        Assert.Equal(["c", "b", "d", "a"], order);
    }

    [Fact]
    public void TownsWithAsManyParticipantsAreOrderedByOrdinalComparisonOfTheirNames()
    {
        var conference = ShelterConference() with
        {
            Participations =
            [
                new ReportParticipation("Ávila", "Spain", 5, false),
                new ReportParticipation("Zagreb", "Croatia", 5, false),
                new ReportParticipation("Zagreb", "Austria", 5, false),
            ],
        };

        var text = InformationTemplate.Render(Shelter(conference));

        // Ordinal puts 'Z' (U+005A) before 'Á' (U+00C1); the same name is settled by the country.
        Assert.Contains(
            "including 5 participants from the city of Zagreb (Austria), 5 participants from the city of Zagreb (Croatia), 5 participants from the city of Ávila (Spain)\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheDescriptionIsInsertedAsGivenOnOneLineWithoutAnAddedFullStop()
    {
        var conference = ShelterConference() with { Description = "  to meet;\r\n  then to sign the agreement \t\n\n" };

        var block = InformationTemplate.RenderEvent(Shelter(conference), "ev-conference");

        Assert.NotNull(block);
        Assert.EndsWith("Short description: The aim of the event was to meet; then to sign the agreement\n", block, StringComparison.Ordinal);
        Assert.Equal(4, block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void TheBlockOfOneEventCarriesItsNumberInTheProjectAndEndsWithOneNewline()
    {
        var earlier = ShelterConference() with
        {
            Id = "ev-local",
            Title = "Local event",
            StartDate = new DateOnly(2017, 6, 3),
            EndDate = new DateOnly(2017, 6, 3),
            Description = "to prepare the conference with local NGOs",
            Participations = [new ReportParticipation("Canepina", "Italy", 60, true)],
        };

        var block = InformationTemplate.RenderEvent(Shelter(ShelterConference(), earlier), "ev-conference");

        Assert.Equal(
            "Event 2\n" +
            "Participation: The event involved 107 citizens, including 40 participants from the city of Canepina (Italy), 25 participants from the city of Gallese (Italy), 12 participants from the city of Herceg Novi (Montenegro), 12 participants from the city of Novo mesto (Slovenia), 9 participants from the city of Kelmė (Lithuania), 9 participants from the city of Laragne-Montéglin (France)\n" +
            "Location / Dates: The event took place in Canepina, Italy, from 12/10/2017 to 16/10/2017\n" +
            "Short description: The aim of the event was to exchange good practices on the integration policies of smaller municipalities, among them Novo mesto's local partnership between the municipality and NGOs for integrating immigrants\n",
            block);
        Assert.Equal(
            "Event 1\n" +
            "Participation: The event involved 60 citizens, including 60 participants from the city of Canepina (Italy)\n" +
            "Location / Dates: The event took place in Canepina, Italy, from 03/06/2017 to 03/06/2017\n" +
            "Short description: The aim of the event was to prepare the conference with local NGOs\n",
            InformationTemplate.RenderEvent(Shelter(ShelterConference(), earlier), "ev-local"));
    }

    [Fact]
    public void TheProjectReportIsItsHeadingFollowedByTheBlocksOfItsEvents()
    {
        var second = ShelterConference() with { Id = "ev-2", StartDate = new DateOnly(2017, 11, 1), EndDate = new DateOnly(2017, 11, 2) };
        var project = Shelter(second, ShelterConference());

        var text = InformationTemplate.Render(project);

        Assert.EndsWith(
            "2 events have been carried out within this project:\n" +
            InformationTemplate.RenderEvent(project, "ev-conference") + "\n" +
            InformationTemplate.RenderEvent(project, "ev-2"),
            text,
            StringComparison.Ordinal);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ThereIsNoBlockForAnUnknownEventOrOneWithoutParticipation()
    {
        var planned = ShelterConference() with { Id = "ev-planned", Participations = [] };
        var project = Shelter(ShelterConference(), planned);

        Assert.Null(InformationTemplate.RenderEvent(project, "ev-planned"));
        Assert.Null(InformationTemplate.RenderEvent(project, "ev-unknown"));
    }

    [Fact]
    public void AnEventEndingBeforeItStartsOrANegativeDelegationIsRejected()
    {
        var backwards = ShelterConference() with { EndDate = new DateOnly(2017, 10, 11) };
        var negative = ShelterConference() with { Participations = [new ReportParticipation("Canepina", "Italy", -1, true)] };

        Assert.Throws<ArgumentException>(() => InformationTemplate.Render(Shelter(backwards)));
        Assert.Throws<ArgumentException>(() => InformationTemplate.Render(Shelter(negative)));
    }
}
