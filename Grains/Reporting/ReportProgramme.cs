namespace Collaboration.Grains.Reporting;

/// <summary>The funding programme of a project, as far as the reports need it.</summary>
/// <remarks>
/// Reporting has its own enum so that these formatters stay independent of how projects are
/// stored; the caller maps the API value (<c>europeForCitizens</c>, <c>cerv</c>, <c>other</c>).
/// </remarks>
public enum ReportProgramme
{
    EuropeForCitizens,
    Cerv,
    Other,
}
