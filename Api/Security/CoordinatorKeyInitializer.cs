namespace Collaboration.Api.Security;

/// <summary>Makes sure, at start, that a coordinator key exists, so that a fresh install prints where its key is.</summary>
internal sealed class CoordinatorKeyInitializer(CoordinatorKey coordinatorKey) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await coordinatorKey.GetHashAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
