namespace Collaboration.Grains.Alerts;

/// <summary>
/// What a rule found. <see cref="Since"/> is the moment the rule's clock passed a boundary (a project entering its
/// last 90 days), or null when only a change could have caused it (then it began when it was first seen).
/// </summary>
public sealed record AlertFinding(string Code, AlertSeverity Severity, string Detail, DateTimeOffset? Since = null);
