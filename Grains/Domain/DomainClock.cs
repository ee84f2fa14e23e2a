namespace Collaboration.Grains.Domain;

/// <summary>
/// The clock of the domain (when a thing was posted, signed, cancelled; when a key expires), a keyed
/// <see cref="TimeProvider"/> apart from the one Orleans runs on, so that tests can stop or move the domain's time
/// without stopping the silo's own timers (membership, idle collection, response timeouts).
/// </summary>
public static class DomainClock
{
    /// <summary>The service key: <c>[FromKeyedServices(DomainClock.Key)] TimeProvider clock</c>.</summary>
    public const string Key = "domain-clock";
}
