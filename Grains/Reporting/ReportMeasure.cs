namespace Collaboration.Grains.Reporting;

/// <summary>The measure of a project (API values <c>networkOfTowns</c>, <c>townTwinning</c>, <c>other</c>).</summary>
public enum ReportMeasure
{
    NetworkOfTowns,
    TownTwinning,
    Other,
}
