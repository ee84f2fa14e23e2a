namespace Collaboration.Grains.Alerts;

/// <summary>The codes of coordinators' alerts.</summary>
public static class AlertCodes
{
    /// <summary>A project near or past its end with fewer events than its programme requires.</summary>
    public const string EventsShort = "events-short";

    /// <summary>A project with an event longer than its programme counts.</summary>
    public const string EventTooLong = "event-too-long";

    /// <summary>A project with fewer EU member states among its partners than its programme requires.</summary>
    public const string EuMembersShort = "eu-members-short";

    /// <summary>A partner without activity for <see cref="AlertRules.QuietDays"/> days.</summary>
    public const string PartnerQuiet = "partner-quiet";

    /// <summary>An agreement awaiting signatures for more than <see cref="AlertRules.OpenAgreementDays"/> days.</summary>
    public const string AgreementOpenLong = "agreement-open-long";
}
