namespace Collaboration.Grains.Alerts;

/// <summary>
/// Something a coordinator should look at: <see cref="Code"/> names the rule (<see cref="AlertCodes"/>),
/// <see cref="Subject"/> the project, partner or agreement (<c>project/shelter</c>), and <see cref="Since"/> when it began.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.Alert")]
public sealed record Alert(string Code, AlertSeverity Severity, string Subject, string Detail, DateTimeOffset Since);
