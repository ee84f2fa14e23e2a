namespace Collaboration.Grains.Agreements;

/// <summary>
/// The kinds of change of an agreement, as named in its history; the network's activity log uses them with
/// the prefix <c>agreement.</c> (<c>agreement.signed</c>).
/// </summary>
public static class AgreementEventTypes
{
    public const string Drafted = "drafted";
    public const string Signed = "signed";
    public const string InForce = "inForce";
    public const string Amended = "amended";
    public const string PartyJoined = "partyJoined";
    public const string PartyWithdrew = "partyWithdrew";
    public const string Terminated = "terminated";

    public const string ActivityPrefix = "agreement.";
}
