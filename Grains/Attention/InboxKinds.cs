using System.Collections.Frozen;

namespace Collaboration.Grains.Attention;

/// <summary>The kinds of inbox items: the activity types that put an item in a partner's inbox.</summary>
public static class InboxKinds
{
    public const string ExchangeReplied = "exchange.replied";
    public const string AdoptionChanged = "adoption.changed";
    public const string EventCreated = "event.created";
    public const string ProjectCreated = "project.created";
    public const string PartnerAdded = "project.partnerAdded";
    public const string PartnerRemoved = "project.partnerRemoved";
    public const string AgreementDrafted = "agreement.drafted";
    public const string AgreementAmended = "agreement.amended";
    public const string AgreementPartyJoined = "agreement.partyJoined";
    public const string AgreementPartyWithdrew = "agreement.partyWithdrew";
    public const string AgreementInForce = "agreement.inForce";
    public const string AgreementTerminated = "agreement.terminated";

    public static IReadOnlySet<string> All { get; } = new[]
    {
        ExchangeReplied, AdoptionChanged, EventCreated, ProjectCreated, PartnerAdded, PartnerRemoved, AgreementDrafted,
        AgreementAmended, AgreementPartyJoined, AgreementPartyWithdrew, AgreementInForce, AgreementTerminated,
    }.ToFrozenSet(StringComparer.Ordinal);
}
