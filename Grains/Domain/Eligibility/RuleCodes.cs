using System.Collections.Frozen;

namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>The rule codes the rulebook may use; they are the <c>code</c> values of the eligibility endpoint.</summary>
public static class RuleCodes
{
    public const string EligibleCountries = "eligible-countries";
    public const string MinCountries = "min-countries";
    public const string MinEuMemberStates = "min-eu-member-states";
    public const string MinPartners = "min-partners";
    public const string MinDurationMonths = "min-duration-months";
    public const string MaxDurationMonths = "max-duration-months";
    public const string MinEvents = "min-events";
    public const string MaxEventDays = "max-event-days";
    public const string MinActivityCountries = "min-activity-countries";
    public const string MinParticipants = "min-participants";
    public const string MinInvitedParticipants = "min-invited-participants";

    public static IReadOnlySet<string> All { get; } = new[]
    {
        EligibleCountries, MinCountries, MinEuMemberStates, MinPartners, MinDurationMonths, MaxDurationMonths,
        MinEvents, MaxEventDays, MinActivityCountries, MinParticipants, MinInvitedParticipants,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Rules that take no value: they are yes/no checks.</summary>
    internal static bool TakesValue(string code) => code != EligibleCountries;

    /// <summary>Rules about participant numbers, which are judged per event or over the whole project.</summary>
    internal static bool TakesScope(string code) => code is MinParticipants or MinInvitedParticipants;
}
