namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>A non-cancelled event of the project with the participation recorded so far (empty when none).</summary>
/// <param name="EndDate">The event's last day (inclusive).</param>
/// <param name="HostCountry">The alpha-2 code of the host partner's country.</param>
public sealed record EligibilityEvent(
    string Id,
    DateOnly StartDate,
    DateOnly EndDate,
    string HostCountry,
    IReadOnlyList<EligibilityParticipation> Participation);
