using Collaboration.Grains.Domain;

namespace Collaboration.Grains.Reporting;

/// <summary>A project with its events, in any order, as input to the information template.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ReportProject")]
public sealed record ReportProject(
    string Title,
    Programme Programme,
    Measure Measure,
    IReadOnlyList<ReportEvent> Events);
