using System.Runtime.CompilerServices;
using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Events;

/// <summary>Reads events from the events index (terms project, host, status, participant), oldest first.</summary>
public static class EventIndexExtensions
{
    // Parsed payloads, keyed by the payload string itself: the storage hands back the same string while the document
    // is unchanged (its cached answers), and a changed document always comes as a new string. An entry lives only
    // as long as its string.
    private static readonly ConditionalWeakTable<string, EventSummary> Parsed = new();

    // Whole answers, parsed, for as long as the storage keeps handing back their first page.
    private static readonly ConditionalWeakTable<IndexPage, IReadOnlyList<EventSummary>> ParsedAnswers = new();

    /// <summary>The project's events by start date; cancelled ones too unless <paramref name="includeCancelled"/> is false.</summary>
    public static async Task<IReadOnlyList<EventSummary>> ProjectEventsAsync(this IGrainIndex index, string projectId, bool includeCancelled = true)
    {
        IReadOnlyList<IndexTerm> terms = includeCancelled
            ? [new IndexTerm("project", projectId)]
            : [new IndexTerm("project", projectId), new IndexTerm("status", "confirmed")];
        return await QueryAsync(index, terms);
    }

    /// <summary>
    /// The events of a partner: those of every project it is a partner of, those it hosts and those it sent people
    /// to (which it keeps after leaving a project); by start date.
    /// </summary>
    public static async Task<IReadOnlyList<EventSummary>> MunicipalityEventsAsync(this IGrainIndex index, string municipalityId)
    {
        var events = new Dictionary<string, EventSummary>(StringComparer.Ordinal);
        var projects = await index.QueryIdsAsync(new IndexQuery(IndexNames.Projects) { Terms = [new IndexTerm("partner", municipalityId)] });
        foreach (var projectId in projects)
        {
            Add(await index.ProjectEventsAsync(projectId));
        }

        Add(await QueryAsync(index, [new IndexTerm("host", municipalityId)]));
        Add(await QueryAsync(index, [new IndexTerm("participant", municipalityId)]));
        return events.Values
            .OrderBy(e => e.Details.StartDate)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

        void Add(IEnumerable<EventSummary> found)
        {
            foreach (var e in found)
            {
                events.TryAdd(e.Id, e);
            }
        }
    }

    /// <summary>The events matching <paramref name="terms"/>; the same list while the index is unchanged (see <see cref="GrainIndexExtensions.QueryDerivedAsync"/>).</summary>
    private static Task<IReadOnlyList<EventSummary>> QueryAsync(IGrainIndex index, IReadOnlyList<IndexTerm> terms) =>
        index.QueryDerivedAsync(
            new IndexQuery(IndexNames.Events) { Terms = terms, Descending = false },
            ParsedAnswers,
            static hits => (IReadOnlyList<EventSummary>)hits.Select(h => Parsed.GetValue(h.Payload!, Parse)).ToList());

    private static EventSummary Parse(string payload) =>
        JsonSerializer.Deserialize<EventSummary>(payload, GrainStateSerializer.Options)!;
}
