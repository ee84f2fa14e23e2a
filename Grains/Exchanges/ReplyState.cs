using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Exchanges;

/// <summary>One reply; a grain of its own so that an exchange's state does not grow with its discussion.</summary>
public sealed class ReplyState : IIndexedState
{
    public string? Id { get; set; }

    /// <summary>The token of the request that created this, when it came with an Idempotency-Key (see the API's IdempotencyContext).</summary>
    public string? CreationRequest { get; set; }

    public string ExchangeId { get; set; } = "";

    public string Author { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public ReplyRecord? ToRecord() => Id is null ? null : new ReplyRecord(Id, ExchangeId, Author, Body, CreatedAt);

    /// <summary>One document of index "replies", found by term exchange, oldest first by time of posting.</summary>
    public IReadOnlyList<IndexEntry> GetIndexEntries(string key) =>
        ToRecord() is not { } record
            ? []
            :
            [
                new IndexEntry(ExchangeIndex.Replies, record.Id)
                {
                    SortKey = CreatedAt.UtcTicks,
                    Terms = [new(ExchangeIndex.Exchange, ExchangeId), new(ExchangeIndex.Author, Author)],
                    Payload = JsonSerializer.Serialize(record, GrainStateSerializer.Options),
                },
            ];
}
