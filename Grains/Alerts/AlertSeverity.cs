namespace Collaboration.Grains.Alerts;

/// <summary>How soon a coordinator should act: <c>critical</c> when a programme rule is broken or about to be for good.</summary>
[GenerateSerializer, Alias("collaboration.AlertSeverity")]
public enum AlertSeverity
{
    Warning,
    Critical,
}
