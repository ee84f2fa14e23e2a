using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Events;

public sealed class EventState : IIndexedState
{
    /// <summary>The project the event belongs to; it never changes. The project does not list its events: the index does.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The token of the request that created this, when it came with an Idempotency-Key (see the API's IdempotencyContext).</summary>
    public string? CreationRequest { get; set; }

    public EventDetails? Details { get; set; }

    public EventStatus Status { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>One entry per town, bounded by the project's partners (and former partners that kept their record).</summary>
    public List<EventParticipation> Participation { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public EventSummary ToSummary(string id) => new(
        id,
        ProjectId!,
        Details!,
        Status,
        Participation.OrderBy(p => p.MunicipalityId, StringComparer.Ordinal).ToList(),
        CreatedAt,
        UpdatedAt,
        CancelledAt,
        CancellationReason);

    public IReadOnlyList<IndexEntry> GetIndexEntries(string key)
    {
        if (ProjectId is null || Details is not { } details)
        {
            return [];
        }

        var terms = new List<IndexTerm>
        {
            new("project", ProjectId),
            new("host", details.Host),
            new("status", JsonNamingPolicy.CamelCase.ConvertName(Status.ToString())),
        };

        // A town that sent people finds the event in its calendar even after it left the project.
        terms.AddRange(Participation.Where(p => p.Participants > 0).Select(p => new IndexTerm("participant", p.MunicipalityId)));
        return
        [
            new IndexEntry(IndexNames.Events, key)
            {
                // Start date, so that a project's events list in date order.
                SortKey = details.StartDate.DayNumber,
                Terms = terms,
                Text = $"{details.Title} {details.Place} {details.Description}",
                Payload = JsonSerializer.Serialize(ToSummary(key), GrainStateSerializer.Options),
            },
        ];
    }
}
