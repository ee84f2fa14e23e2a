using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Exchanges;

/// <summary>
/// Reads exchanges for lists, search and views. Lists are answered by the storage's index (terms, full text and
/// keyset paging), never by activating the grains of every exchange.
/// </summary>
public sealed class ExchangeCatalog(IGrainFactory grains, IGrainIndex index)
{
    private const int InternalPageSize = 100;

    internal const string NoWordMessage =
        "Has no word to search for: words are letters and digits, and symbols alone match nothing. " +
        "Write words, as in `integration`, a \"phrase\", `integration OR inclusion`, `-tourism` to exclude or `migr*` for a prefix.";

    /// <summary>Exchanges matching every given filter, newest first. 400 for an invalid filter, limit or cursor.</summary>
    public async Task<ExchangePage<ExchangeListItem>> SearchAsync(
        ExchangeFilter filter, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = BuildSearch(filter, limit, cursor);
        return await PageAsync<ExchangeListItem>(query, cancellationToken);
    }

    /// <summary>
    /// <see cref="SearchAsync"/> with each item as the JSON the index stores for it (see <see cref="ExchangeJsonPage"/>):
    /// the payload is written from <see cref="ExchangeListItem"/> by <see cref="ExchangeState"/>, so no item is parsed here.
    /// </summary>
    public async Task<ExchangeJsonPage> SearchJsonAsync(
        ExchangeFilter filter, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var page = await index.QueryAsync(BuildSearch(filter, limit, cursor), cancellationToken);
        var items = new string[page.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = PayloadOf(page.Items[i]);
        }

        return new ExchangeJsonPage(items, page.Next is { } next ? PageCursor.Encode(next) : null);
    }

    /// <summary>The exchange with its replies and adoptions, or null when there is none with this id.</summary>
    public async Task<ExchangeView?> GetAsync(string exchangeId, CancellationToken cancellationToken = default)
    {
        if (await FindExchangeAsync(exchangeId) is not { } exchange)
        {
            return null;
        }

        var byExchange = new IndexTerm[] { new(ExchangeIndex.Exchange, exchangeId) };
        var replyQuery = new IndexQuery(ExchangeIndex.Replies) { Terms = byExchange, Descending = false };
        var replies = await CollectAsync<ReplyRecord>(replyQuery, ExchangeLimits.MaxRepliesInView, cancellationToken);
        var replyCount = replies.Count < ExchangeLimits.MaxRepliesInView
            ? replies.Count
            : await index.CountAsync(replyQuery, cancellationToken);

        // Adoptions are one per town at most, so the whole list is bounded by the size of the network.
        var adoptions = await CollectAsync<AdoptionRecord>(
            new IndexQuery(ExchangeIndex.Adoptions) { Terms = byExchange, Descending = false }, int.MaxValue, cancellationToken);
        return new ExchangeView(exchange, replies, replyCount, adoptions);
    }

    /// <summary>The replies to an exchange, oldest first, page by page. 404 for an unknown exchange; 400 for a bad limit or cursor.</summary>
    public async Task<ExchangePage<ReplyRecord>> GetRepliesAsync(
        string exchangeId, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var size = CheckLimit(limit, errors);
        var after = CheckCursor(cursor, "cursor", errors);
        errors.ThrowIfAny();
        _ = await FindExchangeAsync(exchangeId) ?? throw new ResourceNotFoundException("exchange", exchangeId);

        return await PageAsync<ReplyRecord>(
            new IndexQuery(ExchangeIndex.Replies) { Terms = [new(ExchangeIndex.Exchange, exchangeId)], Descending = false, Limit = size, After = after },
            cancellationToken);
    }

    /// <summary>
    /// What the municipality posted and what it adopts. Each list starts at its own cursor (or at the beginning).
    /// 404 for an unknown municipality.
    /// </summary>
    public async Task<MunicipalityExchanges> GetForMunicipalityAsync(
        string municipalityId,
        int? limit = null,
        string? postedCursor = null,
        string? adoptedCursor = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var size = CheckLimit(limit, errors);
        var postedAfter = CheckCursor(postedCursor, "postedCursor", errors);
        var adoptedAfter = CheckCursor(adoptedCursor, "adoptedCursor", errors);
        errors.ThrowIfAny();
        if (!ExchangeValidation.IsSlug(municipalityId) || await grains.GetGrain<IMunicipalityGrain>(municipalityId).GetAsync() is null)
        {
            throw new ResourceNotFoundException("partner", municipalityId);
        }

        var posted = await PageAsync<ExchangeListItem>(
            new IndexQuery(ExchangeIndex.Exchanges) { Terms = [new(ExchangeIndex.Author, municipalityId)], Limit = size, After = postedAfter },
            cancellationToken);
        var adopted = await PageAsync<AdoptionRecord>(
            new IndexQuery(ExchangeIndex.Adoptions) { Terms = [new(ExchangeIndex.Municipality, municipalityId)], Limit = size, After = adoptedAfter },
            cancellationToken);
        return new MunicipalityExchanges(municipalityId, posted, adopted);
    }

    /// <summary>The index query for a search, with every problem of the input reported at once (400).</summary>
    internal static IndexQuery BuildSearch(ExchangeFilter filter, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new FieldErrors();
        var terms = new List<IndexTerm>();
        if (Given(filter.Kind) is { } kindName)
        {
            if (ExchangeIndex.TryParseKind(kindName, out var kind))
            {
                terms.Add(ExchangeIndex.KindTerm(kind));
            }
            else
            {
                errors.Add("kind", ExchangeValidation.KindMessage);
            }
        }

        if (Given(filter.Author) is { } author)
        {
            if (ExchangeValidation.IsSlug(author))
            {
                terms.Add(new IndexTerm(ExchangeIndex.Author, author));
            }
            else
            {
                errors.Add("author", "Must be a partner id.");
            }
        }

        if (Given(filter.Country) is { } country)
        {
            if (country.Length == 2 && country.All(char.IsAsciiLetter))
            {
                terms.Add(new IndexTerm(ExchangeIndex.Country, ExchangeIndex.NormalizeCountry(country)));
            }
            else
            {
                errors.Add("country", "Must be an ISO 3166-1 alpha-2 country code such as SI.");
            }
        }

        if (Given(filter.ProjectId) is { } projectId)
        {
            if (ExchangeValidation.IsSlug(projectId))
            {
                terms.Add(new IndexTerm(ExchangeIndex.Project, projectId));
            }
            else
            {
                errors.Add("projectId", "Must be a project id.");
            }
        }

        if (Given(filter.Theme) is { } theme)
        {
            var normalized = ExchangeIndex.NormalizeTheme(theme);
            if (normalized.Length <= ExchangeLimits.ThemeMaxLength)
            {
                terms.Add(new IndexTerm(ExchangeIndex.Theme, normalized));
            }
            else
            {
                errors.Add("theme", $"Must be at most {ExchangeLimits.ThemeMaxLength} characters.");
            }
        }

        var text = Given(filter.Q);
        if (text is { Length: > ExchangeLimits.QueryMaxLength })
        {
            errors.Add("q", $"Must be at most {ExchangeLimits.QueryMaxLength} characters.");
        }
        else if (text is not null)
        {
            if (!SearchQuery.TryParse(text, out var search, out var malformed))
            {
                errors.Add("q", malformed);
            }
            else if (search.IsEmpty)
            {
                // Symbols separate words and match nothing by themselves: answering every exchange would mislead.
                errors.Add("q", NoWordMessage);
            }
        }

        var size = CheckLimit(limit, errors);
        var after = CheckCursor(cursor, "cursor", errors);
        errors.ThrowIfAny();
        return new IndexQuery(ExchangeIndex.Exchanges) { Terms = terms, Text = text, Descending = true, Limit = size, After = after };
    }

    /// <summary>The exchange, or null for an id this server never handed out (answered without activating a grain).</summary>
    private async Task<ExchangeRecord?> FindExchangeAsync(string exchangeId) =>
        ExchangeIds.IsExchangeId(exchangeId) ? await grains.GetGrain<IExchangeGrain>(exchangeId).GetAsync() : null;

    private async Task<ExchangePage<TItem>> PageAsync<TItem>(IndexQuery query, CancellationToken cancellationToken)
    {
        var page = await index.QueryAsync(query, cancellationToken);
        return new ExchangePage<TItem>(
            page.Items.Select(Deserialize<TItem>).ToList(),
            page.Next is { } next ? PageCursor.Encode(next) : null);
    }

    private async Task<List<TItem>> CollectAsync<TItem>(IndexQuery query, int max, CancellationToken cancellationToken)
    {
        var items = new List<TItem>();
        query = query with { Limit = Math.Min(InternalPageSize, max) };
        while (items.Count < max)
        {
            var page = await index.QueryAsync(query, cancellationToken);
            items.AddRange(page.Items.Take(max - items.Count).Select(Deserialize<TItem>));
            if (page.Next is null)
            {
                break;
            }

            query = query with { After = page.Next };
        }

        return items;
    }

    private static TItem Deserialize<TItem>(IndexHit hit) =>
        JsonSerializer.Deserialize<TItem>(PayloadOf(hit), GrainStateSerializer.Options) ?? throw NoPayload(hit);

    private static string PayloadOf(IndexHit hit) => hit.Payload ?? throw NoPayload(hit);

    private static InvalidDataException NoPayload(IndexHit hit) => new($"Index document '{hit.DocumentId}' has no payload.");

    private static int CheckLimit(int? limit, FieldErrors errors)
    {
        if (limit is { } value && value is < 1 or > ExchangeLimits.MaxPageSize)
        {
            errors.Add("limit", $"Must be between 1 and {ExchangeLimits.MaxPageSize}.");
        }

        return limit ?? ExchangeLimits.DefaultPageSize;
    }

    private static IndexCursor? CheckCursor(string? cursor, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (PageCursor.TryDecode(cursor, out var position))
        {
            return position;
        }

        errors.Add(field, PageCursor.InvalidMessage);
        return null;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
