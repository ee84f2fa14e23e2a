using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Events;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Attention;

/// <summary>Coordinators' alerts through the API: raised by the change that causes them, cleared by the change that mends it.</summary>
public sealed class AlertsApiTests(AttentionApiFactory api) : IClassFixture<AttentionApiFactory>
{
    [Fact]
    public async Task AProjectShortOfEventsNearItsEndIsAlertedUntilItHasThem()
    {
        var net = new EventsNetwork(api);
        await net.ProjectAsync("alerts-short", "Short of events", "networkOfTowns", "2025-01-01", "2026-12-31",
            ("short-it", "IT", "Canepina"), ("short-si", "SI", "Novo mesto"), ("short-me", "ME", "Herceg Novi"), ("short-lt", "LT", "Kelme"));
        using var coordinator = net.Coordinator();
        using var lead = net.As("short-it");

        var alert = await AlertAsync(coordinator, "events-short", "project/alerts-short");
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal("ends in 77 days (2026-12-31) with 0 of the 4 events required", alert.GetProperty("detail").GetString());
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero), alert.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(["code", "severity", "subject", "detail", "since"], alert.EnumerateObject().Select(p => p.Name));

        for (var i = 1; i <= 3; i++)
        {
            await EventsNetwork.CreateEventAsync(lead, "alerts-short", EventsNetwork.Body("short-it", $"2026-0{i}-10", $"2026-0{i}-11"));
        }

        var three = await AlertAsync(coordinator, "events-short", "project/alerts-short");
        Assert.Equal("ends in 77 days (2026-12-31) with 3 of the 4 events required", three.GetProperty("detail").GetString());
        Assert.Equal(alert.GetProperty("since").GetDateTimeOffset(), three.GetProperty("since").GetDateTimeOffset());

        await EventsNetwork.CreateEventAsync(lead, "alerts-short", EventsNetwork.Body("short-it", "2026-05-10", "2026-05-11"));
        Assert.DoesNotContain(await AlertsAsync(coordinator), a => a.GetProperty("subject").GetString() == "project/alerts-short");
    }

    [Fact]
    public async Task AnEventTooLongIsAlertedFromTheMomentItIsRecordedUntilItIsCancelled()
    {
        var net = new EventsNetwork(api);
        await net.ProjectAsync("alerts-long", "Long event", "networkOfTowns", "2026-01-01", "2027-12-31",
            ("long-it", "IT", "Canepina"), ("long-si", "SI", "Novo mesto"), ("long-me", "ME", "Herceg Novi"), ("long-lt", "LT", "Kelme"));
        using var coordinator = net.Coordinator();
        using var lead = net.As("long-it");
        var recordedAt = api.Clock.GetUtcNow();

        var eventId = await EventsNetwork.CreateEventAsync(lead, "alerts-long", EventsNetwork.Body("long-it", "2026-06-01", "2026-06-23"));

        var alert = await AlertAsync(coordinator, "event-too-long", "project/alerts-long");
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Equal($"an event of 23 days ({eventId}, 2026-06-01 to 2026-06-23) where at most 21 days count", alert.GetProperty("detail").GetString());
        Assert.Equal(recordedAt, alert.GetProperty("since").GetDateTimeOffset());

        var current = await lead.GetAsync($"/events/{eventId}");
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/events/{eventId}/cancellation") { Content = JsonContent.Create(new { reason = "too long" }) };
        cancel.Headers.IfMatch.Add(current.Headers.ETag!);
        await (await lead.SendAsync(cancel)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(await AlertsAsync(coordinator), a => a.GetProperty("code").GetString() == "event-too-long"
            && a.GetProperty("subject").GetString() == "project/alerts-long");
    }

    [Fact]
    public async Task OnlyTheCoordinatorReadsTheAlerts()
    {
        var partner = api.CreateClient(await api.CreateMunicipalityAsync("alerts-partner", "IT"));

        await (await partner.GetAsync("/network/alerts")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.CreateClient().GetAsync("/network/alerts")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient coordinator) =>
        (await (await coordinator.GetAsync("/network/alerts")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    private static async Task<JsonElement> AlertAsync(HttpClient coordinator, string code, string subject)
    {
        var alerts = await AlertsAsync(coordinator);
        return Assert.Single(alerts, a => a.GetProperty("code").GetString() == code && a.GetProperty("subject").GetString() == subject);
    }
}
