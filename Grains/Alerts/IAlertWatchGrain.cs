namespace Collaboration.Grains.Alerts;

/// <summary>
/// Watches one subject for the coordinators' alerts, keyed by the subject (<c>project/shelter</c>,
/// <c>municipality/kelme</c>, <c>agreement/ag-…</c>): evaluates its rules on every change the attention router
/// reports and on an Orleans reminder at the next moment time alone could change them. Its open alerts are index
/// entries, so the list of all alerts is one index read.
/// </summary>
public interface IAlertWatchGrain : IGrainWithStringKey
{
    /// <summary>Evaluates the subject's rules now; returns its open alerts.</summary>
    Task<IReadOnlyList<Alert>> EvaluateAsync();

    /// <summary>The subject (a partner) was active at <paramref name="at"/>: it is not quiet.</summary>
    Task TouchAsync(DateTimeOffset at);
}
