using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Exchanges;

/// <summary>One town's adoption of one exchange, with a capped history (bounded grain state).</summary>
public sealed class AdoptionState : IIndexedState
{
    public ExchangeReference? Exchange { get; set; }

    public string MunicipalityId { get; set; } = "";

    public AdoptionStatus? Status { get; set; }

    public DateTimeOffset Since { get; set; }

    public List<AdoptionHistoryEntry> History { get; set; } = [];

    /// <summary>Records a step: the newest entry is appended and the oldest dropped beyond the cap.</summary>
    public void Record(AdoptionStatus status, string? note, DateTimeOffset at)
    {
        if (Status is null)
        {
            Since = at;
        }

        Status = status;
        History.Add(new AdoptionHistoryEntry(status, note, at));
        if (History.Count > ExchangeLimits.AdoptionHistoryCap)
        {
            History.RemoveRange(0, History.Count - ExchangeLimits.AdoptionHistoryCap);
        }
    }

    public AdoptionRecord? ToRecord() =>
        Exchange is null || Status is not { } status || History.Count == 0
            ? null
            : new AdoptionRecord(Exchange, MunicipalityId, status, History[^1].Note, Since, History[^1].At, History.ToArray());

    /// <summary>One document of index "adoptions" (terms exchange, municipality, status), ordered by when tracking began.</summary>
    public IReadOnlyList<IndexEntry> GetIndexEntries(string key) =>
        ToRecord() is not { } record
            ? []
            :
            [
                new IndexEntry(ExchangeIndex.Adoptions, key)
                {
                    // The start never moves, so paging over adoptions is stable while statuses change.
                    SortKey = Since.UtcTicks,
                    Terms =
                    [
                        new(ExchangeIndex.Exchange, record.Exchange.Id),
                        new(ExchangeIndex.Municipality, MunicipalityId),
                        ExchangeIndex.StatusTerm(record.Status),
                    ],
                    Payload = JsonSerializer.Serialize(record, GrainStateSerializer.Options),
                },
            ];
}
