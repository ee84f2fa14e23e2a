namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>A non-cancelled event of the project with the participation recorded so far (empty when none).</summary>
/// <param name="EndDate">The event's last day (inclusive).</param>
/// <param name="HostCountry">The alpha-2 code of the host partner's country.</param>
[GenerateSerializer, Immutable, Alias("collaboration.EligibilityEvent")]
public sealed record EligibilityEvent(
    string Id,
    DateOnly StartDate,
    DateOnly EndDate,
    string HostCountry,
    IReadOnlyList<EligibilityParticipation> Participation)
{
    /// <summary>Whether <paramref name="other"/> is the same event with the same participation, element by element.</summary>
    public bool HasSameFactsAs(EligibilityEvent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id
            && StartDate == other.StartDate
            && EndDate == other.EndDate
            && HostCountry == other.HostCountry
            && Participation.SequenceEqual(other.Participation);
    }
}
