using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Events;

/// <summary>
/// The SHELTER network (README, "Loading the SHELTER network") recorded through the API on SQLite: nine partners from eight countries, a local
/// event in Novo mesto, the international conference in Canepina (12-16 October 2017) with participation figures of
/// our own, a seminar that was cancelled after participation was recorded, and a workshop nobody has reported yet.
/// </summary>
public sealed class ShelterNetworkFixture : CollaborationApiFactory, IAsyncLifetime
{
    public const string Title = "SHELTER - Solidarity hosting evolution looked through European Regions";

    public EventsNetwork Network { get; private set; } = null!;

    public string LocalEvent { get; private set; } = "";

    public string Conference { get; private set; } = "";

    public string CancelledSeminar { get; private set; } = "";

    public string UnreportedWorkshop { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Network = new EventsNetwork(this);
        await Network.ProjectAsync("shelter", Title, "networkOfTowns", "2017-01-01", "2018-06-30",
            ("canepina", "IT", "Canepina"),
            ("gallese", "IT", "Gallese"),
            ("herceg-novi", "ME", "Herceg Novi"),
            ("novo-mesto", "SI", "Novo mesto"),
            ("kelme", "LT", "Kelmė"),
            ("laragne", "FR", "Laragne-Montéglin"),
            ("labin", "HR", "Labin"),
            ("trebinje", "BA", "Trebinje"),
            ("kicevo", "MK", "Kičevo"));

        // Recorded out of date order on purpose: the report numbers by date.
        using (var canepina = Network.As("canepina"))
        {
            Conference = await EventsNetwork.CreateEventAsync(canepina, "shelter", EventsNetwork.Body(
                "canepina", "2017-10-12", "2017-10-16",
                title: "International conference SHELTER",
                kind: "conference",
                place: "Sala consiliare",
                description: "to exchange good practices on the integration policies of smaller municipalities"));
        }

        using (var novoMesto = Network.As("novo-mesto"))
        {
            LocalEvent = await EventsNetwork.CreateEventAsync(novoMesto, "shelter", EventsNetwork.Body(
                "novo-mesto", "2017-05-19", "2017-05-19",
                title: "Local partnership for integration",
                kind: "localEvent",
                place: "Town hall",
                description: "to present the local partnership between the municipality and NGOs for integrating immigrants"));
        }

        using (var coordinator = Network.Coordinator())
        {
            CancelledSeminar = await EventsNetwork.CreateEventAsync(coordinator, "shelter", EventsNetwork.Body(
                "gallese", "2017-07-03", "2017-07-04", title: "Seminar on volunteering", kind: "seminar"));
            UnreportedWorkshop = await EventsNetwork.CreateEventAsync(coordinator, "shelter", EventsNetwork.Body(
                "herceg-novi", "2018-03-08", "2018-03-09", title: "Workshop on decision-making", description: "to involve newcomers in local decisions"));
        }

        await Network.RecordAsync(Conference, "canepina", 40);
        await Network.RecordAsync(Conference, "gallese", 25);
        await Network.RecordAsync(Conference, "herceg-novi", 12);
        await Network.RecordAsync(Conference, "novo-mesto", 12);
        await Network.RecordAsync(Conference, "kelme", 9);
        await Network.RecordAsync(Conference, "laragne", 9);
        await Network.RecordAsync(Conference, "labin", 0); // recorded as none: not listed
        await Network.RecordAsync(LocalEvent, "novo-mesto", 35);
        await Network.RecordAsync(CancelledSeminar, "gallese", 20);
        using (var gallese = Network.As("gallese"))
        {
            await (await gallese.PostAsJsonAsync($"/events/{CancelledSeminar}/cancellation", new { reason = "Not enough speakers" }, Json))
                .AssertJsonAsync(HttpStatusCode.OK);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
