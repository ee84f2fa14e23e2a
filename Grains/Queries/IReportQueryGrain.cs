using Collaboration.Grains.Projects;
using Collaboration.Grains.Reporting;

namespace Collaboration.Grains.Queries;

/// <summary>The events of a project or a partner as the reports read them (<see cref="Events.EventReports"/>), on a silo.</summary>
public interface IReportQueryGrain : IGrainWithStringKey
{
    const string Key = "reports";

    [ReadOnly]
    Task<ReportProject> ProjectAsync(ProjectSnapshot project);

    [ReadOnly]
    Task<IReadOnlyList<ReportEvent>> MunicipalityEventsAsync(string municipalityId);
}
