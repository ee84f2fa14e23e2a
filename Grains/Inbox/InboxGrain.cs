using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Webhooks;

namespace Collaboration.Grains.Inbox;

/// <summary>
/// A partner's inbox. Its items are records of an append log of its own (<c>inbox/{id}</c>), numbered by this grain,
/// their only writer, gaplessly from 1: a page newest first is one range read, and the unread count is a subtraction.
/// Each item remembers the activity record that caused it, so the router may hand the same record over again.
/// </summary>
[GrainType("inbox")]
public sealed class InboxGrain(
    [PersistentState("inbox", GrainStorage.Name)] IPersistentState<InboxState> inbox,
    IAppendLog log) : Grain, IInboxGrain
{
    private long _last;
    private long _lastSource;
    private bool _lastUnknown = true;

    private string LogName => "inbox/" + this.GetPrimaryKeyString();

    public async Task<long> DeliverAsync(IReadOnlyList<InboxNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        await EnsureLastKnownAsync();
        var fresh = new List<InboxNotice>();
        foreach (var notice in notices.OrderBy(n => n.SourceSeq))
        {
            if (notice.SourceSeq > (fresh.Count > 0 ? fresh[^1].SourceSeq : _lastSource))
            {
                fresh.Add(notice);
            }
        }

        if (fresh.Count == 0)
        {
            // A repeat (the router starts a page again after a crash): the items may be here without having been
            // offered to the partner's webhooks, so they are offered again (a webhook queues each item once).
            await OfferAgainAsync(notices);
            return _last;
        }

        var items = fresh.Select((n, i) => new StoredInboxItem(_last + 1 + i, n.At, n.Kind, n.Subject, n.Summary, n.SourceSeq)).ToList();
        try
        {
            await log.AppendAsync(LogName, items.Select(item => new LogRecord(item.Id, item.At, Serialize(item))).ToList());
        }
        catch
        {
            // It may have committed unseen (a timeout hides the commit): ask the log again before the next number.
            _lastUnknown = true;
            throw;
        }

        _last = items[^1].Id;
        _lastSource = items[^1].SourceSeq;
        await OfferAsync(items);
        return _last;
    }

    public async Task<InboxPage> GetPageAsync(long? after, int limit)
    {
        await EnsureLastKnownAsync();
        limit = Math.Clamp(limit, 1, IInboxGrain.MaxPageSize);
        var top = after is { } cursor ? Math.Min(cursor - 1, _last) : _last;
        var readUpTo = Math.Min(inbox.State.ReadUpTo, _last);
        var unread = _last - readUpTo;
        if (top <= 0)
        {
            return new InboxPage([], unread, null);
        }

        var from = Math.Max(0, top - limit);
        var records = await log.ReadAsync(LogName, from, (int)(top - from));
        var items = records.Select(Deserialize).Reverse().Select(item => item.ToItem(readUpTo)).ToList();
        return new InboxPage(items, unread, from > 0 ? from + 1 : null);
    }

    public async Task<long> MarkReadAsync(long upTo)
    {
        await EnsureLastKnownAsync();
        if (upTo < 0)
        {
            throw new DomainValidationException("upTo", "Must be an item id (0 or more).");
        }

        // Items that do not exist yet are not read in advance.
        var mark = Math.Min(upTo, _last);
        if (mark > inbox.State.ReadUpTo)
        {
            inbox.State.ReadUpTo = mark;
            await inbox.WriteStateAsync();
        }

        return _last - Math.Min(inbox.State.ReadUpTo, _last);
    }

    private async Task OfferAgainAsync(IReadOnlyList<InboxNotice> notices)
    {
        if (notices.Count == 0 || _last == 0)
        {
            return;
        }

        var sources = notices.Select(n => n.SourceSeq).ToHashSet();
        var from = Math.Max(0, _last - notices.Count);
        var tail = (await log.ReadAsync(LogName, from, (int)(_last - from))).Select(Deserialize).Where(i => sources.Contains(i.SourceSeq)).ToList();
        await OfferAsync(tail);
    }

    /// <summary>Hands the items to the partner's webhooks, each numbered by its id in this inbox.</summary>
    private Task OfferAsync(IReadOnlyList<StoredInboxItem> items) =>
        items.Count == 0
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IWebhookOwnerGrain>(this.GetPrimaryKeyString()).OfferAsync(items
                .Select(i => new WebhookPayload(i.Id, i.Kind, JsonSerializer.Serialize(i.ToItem(0), GrainStateSerializer.Options)))
                .ToList());

    /// <summary>The log is the truth of what the inbox holds: its last record gives both the last id and the last source.</summary>
    private async Task EnsureLastKnownAsync()
    {
        if (!_lastUnknown)
        {
            return;
        }

        var newest = await log.ReadLastAsync(LogName);
        _last = newest?.Sequence ?? 0;
        _lastSource = newest is null ? 0 : Deserialize(newest).SourceSeq;

        _lastUnknown = false;
    }

    private static string Serialize(StoredInboxItem item) => JsonSerializer.Serialize(item, GrainStateSerializer.Options);

    private static StoredInboxItem Deserialize(LogRecord record) =>
        JsonSerializer.Deserialize<StoredInboxItem>(record.Payload, GrainStateSerializer.Options)
        ?? throw new InvalidDataException($"Inbox record {record.Sequence} is empty.");
}
