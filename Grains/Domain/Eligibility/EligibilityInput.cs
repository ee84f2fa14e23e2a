namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>What the evaluator needs to know about a project.</summary>
/// <param name="CallYear">The call year where rules differ by year; null for the programme's default rules.</param>
/// <param name="StartDate">The project's first day; EU membership and country eligibility are judged on it.</param>
/// <param name="EndDate">The project's last day (inclusive).</param>
/// <param name="Events">The project's events that are not cancelled.</param>
public sealed record EligibilityInput(
    Programme Programme,
    Measure Measure,
    int? CallYear,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<EligibilityPartner> Partners,
    IReadOnlyList<EligibilityEvent> Events);
