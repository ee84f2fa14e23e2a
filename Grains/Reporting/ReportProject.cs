namespace Collaboration.Grains.Reporting;

/// <summary>A project with its events, in any order, as input to the information template.</summary>
public sealed record ReportProject(
    string Title,
    ReportProgramme Programme,
    ReportMeasure Measure,
    IReadOnlyList<ReportEvent> Events);
