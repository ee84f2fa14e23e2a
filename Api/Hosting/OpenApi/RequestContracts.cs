using System.Text.Json.Nodes;
using Collaboration.Api.Features.Agreements;
using Collaboration.Api.Features.Events;
using Collaboration.Api.Features.Exchanges;
using Collaboration.Api.Features.Inbox;
using Collaboration.Api.Features.Municipalities;
using Collaboration.Api.Features.Projects;
using Collaboration.Api.Features.Webhooks;

namespace Collaboration.Api.Hosting.OpenApi;

/// <summary>
/// For each request body: the fields a request must carry, and an example from the SHELTER network. The bodies' C#
/// properties are nullable so that a missing field is named by the validation rather than lost in the parser; this
/// table is what the OpenAPI document says about them instead.
/// </summary>
internal static class RequestContracts
{
    public static IReadOnlyDictionary<Type, (string[] Required, string Example)> ByType { get; } = new Dictionary<Type, (string[], string)>
    {
        [typeof(MunicipalityRequest)] = (["name", "country"], """
            {"id":"novo-mesto","name":"Novo mesto","country":"SI","kind":"municipality","region":"Southeast Slovenia",
             "population":23341,"website":"https://www.novomesto.si","languages":["sl","en"],"contactEmail":"mestna.obcina@novomesto.si"}
            """),
        [typeof(ProjectRequest)] = (["id", "acronym", "title", "programme", "measure", "startDate", "endDate", "lead", "partners"], """
            {"id":"shelter","acronym":"SHELTER","title":"Solidarity hosting evolution looked through European Regions",
             "programme":"europeForCitizens","measure":"networkOfTowns","call":2017,"strand":"Strand 2",
             "startDate":"2017-03-01","endDate":"2018-12-31","lead":"canepina",
             "partners":["canepina","gallese","herceg-novi","novo-mesto","kelme","laragne-monteglin"],
             "themes":["migration","integration","solidarity"],"summary":"Small towns share how they welcome and integrate migrants."}
            """),
        [typeof(ProjectUpdateRequest)] = (["acronym", "title", "startDate", "endDate"], """
            {"acronym":"SHELTER","title":"Solidarity hosting evolution looked through European Regions","call":2017,"strand":"Strand 2",
             "startDate":"2017-03-01","endDate":"2019-02-28","themes":["migration","integration","solidarity"],
             "summary":"Small towns share how they welcome and integrate migrants."}
            """),
        [typeof(PartnerRequest)] = (["municipalityId"], """{"municipalityId":"kelme"}"""),
        [typeof(EventRequest)] = (["title", "kind", "host", "place", "startDate", "endDate", "description"], """
            {"title":"International conference SHELTER","kind":"conference","host":"canepina","place":"Sala consiliare",
             "startDate":"2017-10-12","endDate":"2017-10-16",
             "description":"to exchange good practices on the integration policies of smaller municipalities"}
            """),
        [typeof(CancellationRequest)] = ([], """{"reason":"The hall is closed for repairs; the meeting moves to the spring."}"""),
        [typeof(ParticipationRequest)] = (["participants"], """{"participants":25}"""),
        [typeof(ExchangeRequest)] = (["kind", "title", "summary", "themes"], """
            {"kind":"goodPractice","title":"NGOs and the municipality integrating migrants together",
             "summary":"Novo mesto and its NGOs share one office, one yearly plan and one charter for newcomers.",
             "body":"The charter names who does what: language courses, housing, work and the first weeks in town.",
             "themes":["integration","ngos"],"projectId":"shelter","language":"en"}
            """),
        [typeof(ReplyRequest)] = (["body"], """{"body":"Gallese would like to adapt it: who drafted the charter?"}"""),
        [typeof(AdoptionRequest)] = (["status"], """{"status":"adapting","note":"Translating the charter into Italian."}"""),
        [typeof(AgreementRequest)] = (["title", "areas", "text"], """
            {"title":"SHELTER partnership agreement","areas":["migration","culture","youth"],
             "parties":["canepina","gallese","herceg-novi","novo-mesto","kelme","laragne-monteglin"],
             "text":"The towns of the SHELTER network agree to go on exchanging their practices of welcoming migrants."}
            """),
        [typeof(SignatureRequest)] = (["signatory", "role"], """{"signatory":"Ana Novak","role":"Mayor of Novo mesto"}"""),
        [typeof(AccessionRequest)] = (["municipalityId"], """{"municipalityId":"laragne-monteglin"}"""),
        [typeof(InboxReadRequest)] = (["upTo"], """{"upTo":42}"""),
        [typeof(WebhookRequest)] = (["url", "kinds"], """
            {"url":"https://intranet.novomesto.si/collaboration/hooks","kinds":["exchange.replied","adoption.changed"]}
            """),
    };

    public static JsonNode? ExampleOf(Type type) => ByType.TryGetValue(type, out var contract) ? JsonNode.Parse(contract.Example) : null;
}
