using Collaboration.Grains.Events;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Reporting;

namespace Collaboration.Grains.Queries;

[GrainType("report-query")]
[StatelessWorker]
public sealed class ReportQueryGrain(IGrainIndex index) : Grain, IReportQueryGrain
{
    private EventReports Reports => field ??= new EventReports(GrainFactory, index);

    public Task<ReportProject> ProjectAsync(ProjectSnapshot project) => Reports.ProjectAsync(project);

    public Task<IReadOnlyList<ReportEvent>> MunicipalityEventsAsync(string municipalityId) => Reports.MunicipalityEventsAsync(municipalityId);
}
