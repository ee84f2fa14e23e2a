using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Collaboration.Silo.Hosting;

/// <summary>
/// The operators' view: the Orleans dashboard (Microsoft.Orleans.Dashboard) collects silos, activations and calls on
/// every silo; the Api serves its page at <c>/orleans</c> to the coordinator, co-hosted or as a client of the cluster.
/// </summary>
public static class OrleansDashboardSetup
{
    /// <summary>Whether <c>Collaboration:Orleans:Dashboard</c> is on (the default).</summary>
    public static bool IsOn(IConfiguration configuration) =>
        (configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions()).Dashboard;

    /// <summary>The dashboard's grain service, grains and call profiler on this silo, when the setting is on.</summary>
    public static ISiloBuilder AddOrleansDashboardWhenOn(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (IsOn(configuration))
        {
            silo.AddDashboard(Configure);
        }

        return silo;
    }

    /// <summary>The same options wherever the page is served from (a silo's process, or a front in client mode).</summary>
    public static void Configure(DashboardOptions options)
    {
        // The log page would stream every log line of the process to a browser for an hour per tab; the logs go to the
        // console and OTLP already, where their access is the operator's to decide.
        options.HideTrace = true;
    }
}
