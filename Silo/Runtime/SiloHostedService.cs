using Microsoft.Extensions.Hosting;

namespace Collaboration.Silo.Runtime;

/// <summary>Ties the runtime to the host's lifetime: collection starts with the host; shutdown deactivates every grain.</summary>
internal sealed class SiloHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
