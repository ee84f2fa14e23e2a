using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Inbox;
using Collaboration.Grains.Municipalities;

namespace Collaboration.Grains.Attention;

/// <summary>
/// Who an activity record concerns, besides whoever did it: the partners whose inbox gets an item. Plain rules over
/// the record and the facts it names; nobody is told of their own action.
/// </summary>
public static class InboxRouting
{
    public static async Task<IReadOnlyList<InboxDelivery>> RouteAsync(ActivityRecord record, IAttentionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(facts);
        if (!InboxKinds.All.Contains(record.Type))
        {
            return [];
        }

        var (recipients, summary) = await RecipientsAsync(record, facts);
        return recipients
            .Where(r => r != record.Actor)
            .Distinct(StringComparer.Ordinal)
            .Select(r => new InboxDelivery(r, new InboxNotice(record.Seq, record.At, record.Type, record.Subject, summary)))
            .ToList();
    }

    /// <summary>
    /// Whether a partner's inbox takes new items: not while it is deactivated (its key is stopped and it has left the
    /// network for the time being). Whether it is deactivated is read when the record is routed. A partner the index
    /// does not know yet (its registration not indexed) receives, as before.
    /// </summary>
    public static bool Receives(string recipient, IReadOnlyDictionary<string, MunicipalitySummary> partners)
    {
        ArgumentNullException.ThrowIfNull(partners);
        return !partners.TryGetValue(recipient, out var partner) || partner.Active;
    }

    private static async Task<(IEnumerable<string> Recipients, string Summary)> RecipientsAsync(ActivityRecord record, IAttentionFacts facts)
    {
        var none = (Enumerable.Empty<string>(), record.Summary);
        switch (record.Type)
        {
            case InboxKinds.ExchangeReplied or InboxKinds.AdoptionChanged:
                // The exchange's title, unless the summary names it already (every record but replies written before
                // summaries named it).
                return await facts.ExchangeAsync(SubjectId(record, "exchange/")) is { } exchange
                    ? ([exchange.Author], record.Summary.Contains($"«{exchange.Title}»", StringComparison.Ordinal) ? record.Summary : $"{record.Summary} («{exchange.Title}»)")
                    : none;

            case InboxKinds.EventCreated:
                if (await facts.EventAsync(SubjectId(record, "event/")) is not { } @event
                    || await facts.ProjectAsync(@event.Event.ProjectId) is not { } eventProject)
                {
                    return none;
                }

                var recorded = @event.Event.Participation.Select(p => p.MunicipalityId).ToHashSet(StringComparer.Ordinal);
                return (eventProject.Definition.Partners.Where(p => !recorded.Contains(p)),
                    $"{record.Summary}; your delegation's participation is not recorded yet");

            case InboxKinds.ProjectCreated:
                return await facts.ProjectAsync(SubjectId(record, "project/")) is { } created
                    ? (created.Definition.Partners, $"{record.Summary}; you are one of its partners")
                    : none;

            case InboxKinds.PartnerAdded or InboxKinds.PartnerRemoved:
                // The partner that joined or left is told too.
                return await facts.ProjectAsync(SubjectId(record, "project/")) is { } project
                    ? ([.. project.Definition.Partners, .. PartnerOf(record)], record.Summary)
                    : none;

            default:
                return await AgreementRecipientsAsync(record, facts);
        }
    }

    private static async Task<(IEnumerable<string> Recipients, string Summary)> AgreementRecipientsAsync(ActivityRecord record, IAttentionFacts facts)
    {
        if (await facts.AgreementAsync(SubjectId(record, "agreement/")) is not { } agreement)
        {
            return ([], record.Summary);
        }

        var unsigned = agreement.Parties.Where(p => !p.HasSigned).Select(p => p.MunicipalityId);
        var parties = agreement.Parties.Select(p => p.MunicipalityId);
        return record.Type switch
        {
            InboxKinds.AgreementDrafted => (unsigned, $"«{agreement.Title}» awaits your signature ({record.Summary})"),
            InboxKinds.AgreementAmended => (unsigned, $"«{agreement.Title}» was amended and awaits your signature ({record.Summary})"),

            // Only the newcomer has a new signature to give.
            InboxKinds.AgreementPartyJoined => (PartnerOf(record).Intersect(unsigned),
                $"«{agreement.Title}» awaits your signature ({record.Summary})"),
            _ => (parties, $"«{agreement.Title}»: {record.Summary}"),
        };
    }

    private static string SubjectId(ActivityRecord record, string prefix) =>
        record.Subject.StartsWith(prefix, StringComparison.Ordinal) ? record.Subject[prefix.Length..] : "";

    /// <summary>
    /// The partner a record is about besides its subject: its <see cref="ActivityRecord.Partner"/>, or, in a record
    /// written before that field existed, the id its summary began with ("kelme joined project SHELTER").
    /// </summary>
    private static IEnumerable<string> PartnerOf(ActivityRecord record) =>
        record.Partner is { Length: > 0 } partner ? [partner] : LeadingId(record.Summary);

    private static IEnumerable<string> LeadingId(string summary)
    {
        var space = summary.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? summary : summary[..space];
        return Slug.IsValid(first) ? [first] : [];
    }
}
