using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Exchanges;

/// <summary>
/// A posted exchange, changed only by its author's edits and its withdrawal; replies and adoptions are grains of their
/// own, so this state stays the size of one post however much discussion it draws.
/// </summary>
public sealed class ExchangeState : IIndexedState
{
    public string? Id { get; set; }

    /// <summary>The token of the request that created this, when it came with an Idempotency-Key (see the API's IdempotencyContext).</summary>
    public string? CreationRequest { get; set; }

    public ExchangeKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? Body { get; set; }

    public List<string> Themes { get; set; } = [];

    public string Author { get; set; } = "";

    public string AuthorCountry { get; set; } = "";

    public string? ProjectId { get; set; }

    public string? Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public bool Withdrawn { get; set; }

    /// <summary>How many times the exchange changed since it was posted: the version an edit's If-Match is checked against.</summary>
    public int Revision { get; set; }

    public ExchangeRecord? ToRecord() =>
        Id is null ? null : new ExchangeRecord(
            Id, Kind, Title, Summary, Body, Themes.ToArray(), Author, AuthorCountry, ProjectId, Language, CreatedAt, UpdatedAt, Withdrawn, Revision);

    /// <summary>One document of index "exchanges": filters as terms, title + summary + body as text, the list item as payload.</summary>
    public IReadOnlyList<IndexEntry> GetIndexEntries(string key)
    {
        // A withdrawn exchange leaves the index, and so every list, search and count.
        if (Withdrawn || ToRecord() is not { } record)
        {
            return [];
        }

        var terms = new List<IndexTerm>
        {
            ExchangeIndex.KindTerm(Kind),
            new(ExchangeIndex.Author, Author),
            new(ExchangeIndex.Country, AuthorCountry),
        };
        if (ProjectId is not null)
        {
            terms.Add(new IndexTerm(ExchangeIndex.Project, ProjectId));
        }

        terms.AddRange(Themes.Select(theme => new IndexTerm(ExchangeIndex.Theme, theme)));
        return
        [
            new IndexEntry(ExchangeIndex.Exchanges, record.Id)
            {
                SortKey = CreatedAt.UtcTicks,
                Terms = terms,
                Text = string.Join('\n', new[] { Title, Summary, Body }.Where(t => t is not null)),
                Payload = JsonSerializer.Serialize(record.ToListItem(), GrainStateSerializer.ListedPayloadOptions),
            },
        ];
    }
}
