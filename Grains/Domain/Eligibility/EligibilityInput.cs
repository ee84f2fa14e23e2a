namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>What the evaluator needs to know about a project.</summary>
/// <param name="CallYear">The call year where rules differ by year; null for the programme's default rules.</param>
/// <param name="StartDate">The project's first day; EU membership and country eligibility are judged on it.</param>
/// <param name="EndDate">The project's last day (inclusive).</param>
/// <param name="Events">The project's events that are not cancelled.</param>
[GenerateSerializer, Immutable, Alias("collaboration.EligibilityInput")]
public sealed record EligibilityInput(
    Programme Programme,
    Measure Measure,
    int? CallYear,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<EligibilityPartner> Partners,
    IReadOnlyList<EligibilityEvent> Events)
{
    /// <summary>
    /// Whether <paramref name="other"/> holds the same facts, its lists compared element by element (a record's own
    /// equality compares lists by reference), so that an evaluation of one stands for the other.
    /// </summary>
    public bool HasSameFactsAs(EligibilityInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Programme == other.Programme
            && Measure == other.Measure
            && CallYear == other.CallYear
            && StartDate == other.StartDate
            && EndDate == other.EndDate
            && Partners.SequenceEqual(other.Partners)
            && Events.Count == other.Events.Count
            && Events.Zip(other.Events).All(pair => pair.First.HasSameFactsAs(pair.Second));
    }
}
