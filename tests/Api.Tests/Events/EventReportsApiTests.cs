using System.Net;
using System.Net.Http.Json;
using System.Text;
using Collaboration.Api.Tests.Support;
using Collaboration.Tests.Formats;

namespace Collaboration.Api.Tests.Events;

/// <summary>The funder's report, calendars and the participation export, produced from events recorded through the API on SQLite.</summary>
public sealed class EventReportsApiTests(ShelterNetworkFixture shelter) : IClassFixture<ShelterNetworkFixture>
{
    private const string ShelterReport =
        "The project «SHELTER - Solidarity hosting evolution looked through European Regions» was funded with the support of the European Union under the Programme \"Europe for Citizens\"\n" +
        "Applicable to the Strand 2 – Measure 2.2 \"Networks of Towns\"\n" +
        "2 events have been carried out within this project:\n" +
        "Event 1\n" +
        "Participation: The event involved 35 citizens, including 35 participants from the city of Novo mesto (Slovenia)\n" +
        "Location / Dates: The event took place in Novo mesto, Slovenia, from 19/05/2017 to 19/05/2017\n" +
        "Short description: The aim of the event was to present the local partnership between the municipality and NGOs for integrating immigrants\n" +
        "\n" +
        ConferenceBlock;

    private const string ConferenceBlock =
        "Event 2\n" +
        "Participation: The event involved 107 citizens, including 40 participants from the city of Canepina (Italy), 25 participants from the city of Gallese (Italy), 12 participants from the city of Herceg Novi (Montenegro), 12 participants from the city of Novo mesto (Slovenia), 9 participants from the city of Kelmė (Lithuania), 9 participants from the city of Laragne-Montéglin (France)\n" +
        "Location / Dates: The event took place in Canepina, Italy, from 12/10/2017 to 16/10/2017\n" +
        "Short description: The aim of the event was to exchange good practices on the integration policies of smaller municipalities\n";

    private EventsNetwork Network => shelter.Network;

    private static void AssertUtf8Text(HttpResponseMessage response, string mediaType)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task TheShelterReportIsTheFundersTemplateByteForByte()
    {
        using var coordinator = Network.Coordinator();

        var response = await coordinator.GetAsync("/projects/shelter/report");

        AssertUtf8Text(response, "text/plain");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetBytes(ShelterReport), bytes);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "No byte order mark");
    }

    [Fact]
    public async Task AnyPartnerMayFetchTheReport()
    {
        using var labin = Network.As("labin");

        var text = await labin.GetStringAsync("/projects/shelter/report");

        Assert.Equal(ShelterReport, text);
    }

    [Fact]
    public async Task TheConferencesReportIsItsBlockNumberedAsInTheProject()
    {
        using var kelme = Network.As("kelme");

        var response = await kelme.GetAsync($"/events/{shelter.Conference}/report");

        AssertUtf8Text(response, "text/plain");
        Assert.Equal(Encoding.UTF8.GetBytes(ConferenceBlock), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ACancelledEventOrOneWithoutParticipationHasNoReport()
    {
        using var coordinator = Network.Coordinator();

        var cancelled = await (await coordinator.GetAsync($"/events/{shelter.CancelledSeminar}/report")).AssertProblemAsync(HttpStatusCode.Conflict);
        var unreported = await (await coordinator.GetAsync($"/events/{shelter.UnreportedWorkshop}/report")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("cancelled", cancelled.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("participation", unreported.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATownTwinningReportSpeaksOfTheProjectNotably()
    {
        await Network.ProjectAsync("twin", "Together in Europe: Novo mesto and its twin towns", "townTwinning", "2018-04-01", "2018-09-30",
            ("tw-novo-mesto", "SI", "Novo mesto"), ("tw-langenhagen", "DE", "Langenhagen"), ("tw-bihac", "BA", "Bihać"));
        using var host = Network.As("tw-novo-mesto");
        var id = await EventsNetwork.CreateEventAsync(host, "twin", EventsNetwork.Body(
            "tw-novo-mesto", "2018-06-08", "2018-06-10",
            title: "Twinning days",
            kind: "other",
            place: "Main square",
            description: "to debate the common future of Europe with citizens of the three towns"));
        var beforeParticipation = await host.GetStringAsync("/projects/twin/report");
        await Network.RecordAsync(id, "tw-langenhagen", 28);
        await Network.RecordAsync(id, "tw-bihac", 22);
        await Network.RecordAsync(id, "tw-novo-mesto", 60);

        var response = await host.GetAsync("/projects/twin/report");

        Assert.Equal(
            "The project «Together in Europe: Novo mesto and its twin towns» was funded with the support of the European Union under the Programme \"Europe for Citizens\"\n" +
            "Applicable to the Strand 2 – Measure 2.1 \"Town Twinning\"\n" +
            "0 events have been carried out within this project:\n",
            beforeParticipation);
        AssertUtf8Text(response, "text/plain");
        Assert.Equal(Encoding.UTF8.GetBytes(
            "The project «Together in Europe: Novo mesto and its twin towns» was funded with the support of the European Union under the Programme \"Europe for Citizens\"\n" +
            "Applicable to the Strand 2 – Measure 2.1 \"Town Twinning\"\n" +
            "1 events have been carried out within this project:\n" +
            "Event 1\n" +
            "Participation: The project involved 110 citizens, notably 60 participants from the city of Novo mesto (Slovenia), 28 participants from the city of Langenhagen (Germany), 22 participants from the city of Bihać (Bosnia and Herzegovina)\n" +
            "Location / Dates: The event took place in Novo mesto, Slovenia, from 08/06/2018 to 10/06/2018\n" +
            "Short description: The aim of the event was to debate the common future of Europe with citizens of the three towns\n"),
            await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheReportShowsAPartnersCurrentName()
    {
        await Network.ProjectAsync("rename", "Renamed towns", "networkOfTowns", "2017-01-01", "2017-12-31",
            ("rn-a", "IT", "Old name"), ("rn-b", "SI", "Other"));
        using var coordinator = Network.Coordinator();
        var id = await EventsNetwork.CreateEventAsync(coordinator, "rename", EventsNetwork.Body("rn-a", "2017-03-01", "2017-03-01"));
        await Network.RecordAsync(id, "rn-b", 5);

        (await coordinator.PutAsJsonAsync("/municipalities/rn-a", new { name = "New name", country = "IT" }, CollaborationApiFactory.Json))
            .EnsureSuccessStatusCode();
        var text = await coordinator.GetStringAsync($"/events/{id}/report");

        Assert.Contains("The event took place in New name, Italy,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsOfUnknownProjectsAndPartnersAreNotFound()
    {
        using var coordinator = Network.Coordinator();

        await (await coordinator.GetAsync("/projects/no-such/report")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/projects/no-such/calendar.ics")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/projects/no-such/participants.csv")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/municipalities/no-such/calendar.ics")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheProjectCalendarIsValidRfc5545WithOneEventPerRecordedEvent()
    {
        using var coordinator = Network.Coordinator();

        var response = await coordinator.GetAsync("/projects/shelter/calendar.ics");

        AssertUtf8Text(response, "text/calendar");
        var calendar = IcsChecker.Check(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("SHELTER: " + ShelterNetworkFixture.Title, calendar.Text("X-WR-CALNAME"));
        var events = calendar.Components.ToDictionary(e => e.Text("UID"));
        Assert.Equal(
            new[] { shelter.LocalEvent, shelter.CancelledSeminar, shelter.Conference, shelter.UnreportedWorkshop }.Select(id => id + "@collaboration"),
            calendar.Components.Select(e => e.Text("UID")));
        var conference = events[shelter.Conference + "@collaboration"];
        Assert.Equal("20171012", conference.Property("DTSTART").Value);
        Assert.Equal("20171017", conference.Property("DTEND").Value); // exclusive: the day after 16 October
        Assert.Equal("International conference SHELTER", conference.Text("SUMMARY"));
        Assert.Equal("Sala consiliare, Canepina, Italy", conference.Text("LOCATION"));
        Assert.Equal("Conference", conference.Text("CATEGORIES"));
        Assert.Equal("CONFIRMED", conference.Property("STATUS").Value);
        Assert.Equal("CANCELLED", events[shelter.CancelledSeminar + "@collaboration"].Property("STATUS").Value);
    }

    [Fact]
    public async Task CalendarTextIsEscapedAndFoldedAndTheUidStaysWhenTheEventChanges()
    {
        await Network.ProjectAsync("ics", "Calendar text", "networkOfTowns", "2017-01-01", "2017-12-31",
            ("ics-a", "LT", "Kelmė"), ("ics-b", "SI", "Novo mesto"));
        using var host = Network.As("ics-a");
        const string description =
            "to meet; to talk, and to plan\nthe next steps with the youth centre, the creative-industries lab and the local NGOs of Kelmė and Novo mesto (ė, š, ž)";
        var id = await EventsNetwork.CreateEventAsync(host, "ics", EventsNetwork.Body(
            "ics-a", "2017-12-31", "2017-12-31", title: "New Year's workshop, part 1; the \\ end", place: "Hall", description: description));
        var before = IcsChecker.Check(await host.GetByteArrayAsync("/projects/ics/calendar.ics"));
        (await host.PutAsJsonAsync($"/events/{id}", EventsNetwork.Body("ics-a", "2017-12-30", "2017-12-31", title: "Renamed"), CollaborationApiFactory.Json))
            .EnsureSuccessStatusCode();

        var after = IcsChecker.Check(await host.GetByteArrayAsync("/projects/ics/calendar.ics"));

        var vevent = Assert.Single(before.Components);
        Assert.Equal("New Year's workshop, part 1; the \\ end", vevent.Text("SUMMARY"));
        Assert.Equal(description, vevent.Text("DESCRIPTION"));
        Assert.Equal("20180101", vevent.Property("DTEND").Value);
        var changed = Assert.Single(after.Components);
        Assert.Equal(vevent.Text("UID"), changed.Text("UID"));
        Assert.Equal("Renamed", changed.Text("SUMMARY"));
    }

    [Fact]
    public async Task APartnersCalendarHoldsTheEventsOfItsProjects()
    {
        await Network.PartnerAsync("ics-loner", "AT", "Loner");
        using var kelme = Network.As("kelme");

        var response = await kelme.GetAsync("/municipalities/kelme/calendar.ics");
        var loner = IcsChecker.Check(await kelme.GetByteArrayAsync("/municipalities/ics-loner/calendar.ics"));

        AssertUtf8Text(response, "text/calendar");
        var calendar = IcsChecker.Check(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Kelmė", calendar.Text("X-WR-CALNAME"));
        Assert.Equal(4, calendar.Components.Count);
        Assert.Contains(calendar.Components, e => e.Text("UID") == shelter.Conference + "@collaboration");
        Assert.Empty(loner.Components);
    }

    [Fact]
    public async Task IcalJsReadsTheProjectsFeedAndEveryPartnersFeedAsTheChecksDo()
    {
        using var coordinator = Network.Coordinator();
        string[] feeds =
        [
            "/projects/shelter/calendar.ics",
            .. new[] { "canepina", "gallese", "herceg-novi", "novo-mesto", "kelme", "laragne", "labin", "trebinje", "kicevo" }
                .Select(partner => $"/municipalities/{partner}/calendar.ics"),
        ];
        var texts = new List<string>();
        foreach (var feed in feeds)
        {
            texts.Add(await coordinator.GetStringAsync(feed));
        }

        var parsed = await IcalJs.ParseAsync(texts);

        foreach (var (text, calendar) in texts.Zip(parsed))
        {
            var checkedEvents = IcsChecker.Check(text).Components;
            Assert.Equal(checkedEvents.Select(e => e.Text("UID")), calendar.Events.Select(e => e.Uid));
            Assert.Equal(checkedEvents.Select(e => e.Text("SUMMARY")), calendar.Events.Select(e => e.Summary));
            Assert.Equal(checkedEvents.Select(e => e.Property("DTSTART").Value), calendar.Events.Select(e => e.Start.Value.Replace("-", "", StringComparison.Ordinal)));
            Assert.Equal(checkedEvents.Select(e => e.Property("DTEND").Value), calendar.Events.Select(e => e.End.Value.Replace("-", "", StringComparison.Ordinal)));
            Assert.All(calendar.Events, e => Assert.True(e.Start.IsDate && e.End.IsDate, $"{e.Uid} is not all-day."));
        }

        var conference = Assert.Single(parsed[0].Events, e => e.Uid == shelter.Conference + "@collaboration");
        Assert.Equal("Sala consiliare, Canepina, Italy", conference.Location);
        Assert.Equal("Kelmė", parsed[5].Name);
        Assert.Equal(4, parsed[5].Events.Count);
    }

    [Fact]
    public async Task TheParticipantsExportHasOneRowPerDelegationOfEveryReportedEvent()
    {
        using var coordinator = Network.Coordinator();

        var response = await coordinator.GetAsync("/projects/shelter/participants.csv");

        AssertUtf8Text(response, "text/csv");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("shelter-participants.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = Rfc4180Reader.Read(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            [
                "event,startDate,endDate,town,country,participants,role",
                "Local partnership for integration,2017-05-19,2017-05-19,Novo mesto,Slovenia,35,local",
                "International conference SHELTER,2017-10-12,2017-10-16,Canepina,Italy,40,local",
                "International conference SHELTER,2017-10-12,2017-10-16,Gallese,Italy,25,invited",
                "International conference SHELTER,2017-10-12,2017-10-16,Herceg Novi,Montenegro,12,invited",
                "International conference SHELTER,2017-10-12,2017-10-16,Novo mesto,Slovenia,12,invited",
                "International conference SHELTER,2017-10-12,2017-10-16,Kelmė,Lithuania,9,invited",
                "International conference SHELTER,2017-10-12,2017-10-16,Laragne-Montéglin,France,9,invited",
            ],
            records.Select(r => string.Join(',', r)));
    }

    [Fact]
    public async Task TheParticipantsExportQuotesFieldsAsRfc4180Says()
    {
        await Network.ProjectAsync("csv", "Quoting", "townTwinning", "2019-01-01", "2019-12-31",
            ("csv-a", "IT", "Town, \"the\" first"), ("csv-b", "SI", "=Second"));
        using var coordinator = Network.Coordinator();
        var id = await EventsNetwork.CreateEventAsync(coordinator, "csv", EventsNetwork.Body(
            "csv-a", "2019-05-01", "2019-05-02", title: "Workshop \"Open doors\", part 1"));
        await Network.RecordAsync(id, "csv-a", 30);
        await Network.RecordAsync(id, "csv-b", 26);

        var text = await coordinator.GetStringAsync("/projects/csv/participants.csv");

        Assert.Equal(
            "event,startDate,endDate,town,country,participants,role\r\n" +
            "\"Workshop \"\"Open doors\"\", part 1\",2019-05-01,2019-05-02,\"Town, \"\"the\"\" first\",Italy,30,local\r\n" +
            "\"Workshop \"\"Open doors\"\", part 1\",2019-05-01,2019-05-02,'=Second,Slovenia,26,invited\r\n",
            text);
        var records = Rfc4180Reader.Read(text);
        Assert.Equal("Town, \"the\" first", records[1][3]);
    }

    [Fact]
    public async Task NetworkOfTownsEventRulesTurnSatisfiedOnceEventsAreRecorded()
    {
        await Network.ProjectAsync("elig", "Rules", "networkOfTowns", "2017-01-01", "2018-12-31",
            ("el-it", "IT", "Gallese"), ("el-si", "SI", "Novo mesto"), ("el-me", "ME", "Herceg Novi"), ("el-lt", "LT", "Kelmė"));
        using var coordinator = Network.Coordinator();
        var before = (await EventsNetwork.RuleAsync(coordinator, "elig", "min-events"), await EventsNetwork.RuleAsync(coordinator, "elig", "max-event-days"));

        var ids = new List<string>();
        foreach (var (host, start, end) in new[]
        {
            ("el-it", "2017-03-01", "2017-03-02"), ("el-si", "2017-06-01", "2017-06-21"), ("el-me", "2017-09-01", "2017-09-03"), ("el-lt", "2018-03-01", "2018-03-01"),
        })
        {
            ids.Add(await EventsNetwork.CreateEventAsync(coordinator, "elig", EventsNetwork.Body(host, start, end)));
        }

        var met = (await EventsNetwork.RuleAsync(coordinator, "elig", "min-events"), await EventsNetwork.RuleAsync(coordinator, "elig", "max-event-days"));
        (await coordinator.PutAsJsonAsync($"/events/{ids[1]}", EventsNetwork.Body("el-si", "2017-06-01", "2017-06-22"), CollaborationApiFactory.Json))
            .EnsureSuccessStatusCode();
        (await coordinator.PostAsync($"/events/{ids[0]}/cancellation", null)).EnsureSuccessStatusCode();
        var broken = (await EventsNetwork.RuleAsync(coordinator, "elig", "min-events"), await EventsNetwork.RuleAsync(coordinator, "elig", "max-event-days"));

        Assert.False(before.Item1.GetProperty("satisfied").GetBoolean());
        Assert.False(before.Item2.GetProperty("satisfied").GetBoolean());
        Assert.True(met.Item1.GetProperty("satisfied").GetBoolean(), met.Item1.GetProperty("detail").GetString());
        Assert.True(met.Item2.GetProperty("satisfied").GetBoolean(), met.Item2.GetProperty("detail").GetString());
        Assert.False(broken.Item1.GetProperty("satisfied").GetBoolean(), "a cancelled event does not count");
        Assert.False(broken.Item2.GetProperty("satisfied").GetBoolean(), "22 days is one too many");
        var project = await (await coordinator.GetAsync("/projects/elig")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(project.GetProperty("eligibility").GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task TownTwinningNeedsTwentyFiveInvitedParticipantsNotCountingTheHosts()
    {
        await Network.ProjectAsync("elig-tt", "Twins", "townTwinning", "2018-04-01", "2018-09-30",
            ("et-si", "SI", "Novo mesto"), ("et-hr", "HR", "Labin"));
        using var coordinator = Network.Coordinator();
        var id = await EventsNetwork.CreateEventAsync(coordinator, "elig-tt", EventsNetwork.Body("et-si", "2018-06-08", "2018-06-10"));
        await Network.RecordAsync(id, "et-si", 90);
        await Network.RecordAsync(id, "et-hr", 24);
        var short1 = await EventsNetwork.RuleAsync(coordinator, "elig-tt", "min-invited-participants");

        await Network.RecordAsync(id, "et-hr", 25);
        var met = await EventsNetwork.RuleAsync(coordinator, "elig-tt", "min-invited-participants");

        Assert.False(short1.GetProperty("satisfied").GetBoolean(), short1.GetProperty("detail").GetString());
        Assert.True(met.GetProperty("satisfied").GetBoolean(), met.GetProperty("detail").GetString());
        var eligibility = await (await coordinator.GetAsync("/projects/elig-tt/eligibility")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(eligibility.GetProperty("eligible").GetBoolean(), eligibility.ToString());
    }
}
