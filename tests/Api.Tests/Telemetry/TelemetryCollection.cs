namespace Collaboration.Api.Tests.Telemetry;

/// <summary>
/// Meters and activity sources are process-wide: a host that listens also hears every other host of the test run.
/// The telemetry tests therefore run on their own, after the others, so that their figures are their hosts' alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
