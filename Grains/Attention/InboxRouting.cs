using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Inbox;

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

    private static async Task<(IEnumerable<string> Recipients, string Summary)> RecipientsAsync(ActivityRecord record, IAttentionFacts facts)
    {
        var none = (Enumerable.Empty<string>(), record.Summary);
        switch (record.Type)
        {
            case InboxKinds.ExchangeReplied or InboxKinds.AdoptionChanged:
                return await facts.ExchangeAsync(SubjectId(record, "exchange/")) is { } exchange
                    ? ([exchange.Author], $"{record.Summary} («{exchange.Title}»)")
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
                // The partner that joined or left is named first in the summary ("kelme joined project SHELTER"); it is told too.
                return await facts.ProjectAsync(SubjectId(record, "project/")) is { } project
                    ? ([.. project.Definition.Partners, .. LeadingId(record.Summary)], record.Summary)
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

            // The newcomer is named first ("kelme acceded, admitted by ..."); only it has a new signature to give.
            InboxKinds.AgreementPartyJoined => (LeadingId(record.Summary).Intersect(unsigned),
                $"«{agreement.Title}» awaits your signature ({record.Summary})"),
            _ => (parties, $"«{agreement.Title}»: {record.Summary}"),
        };
    }

    private static string SubjectId(ActivityRecord record, string prefix) =>
        record.Subject.StartsWith(prefix, StringComparison.Ordinal) ? record.Subject[prefix.Length..] : "";

    /// <summary>The partner id a summary begins with, when it begins with one.</summary>
    private static IEnumerable<string> LeadingId(string summary)
    {
        var space = summary.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? summary : summary[..space];
        return Slug.IsValid(first) ? [first] : [];
    }
}
