using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Features.Health;

/// <summary>
/// Storage answers. The check runs on a silo, next to the storage (<see cref="IStorageHealthGrain"/>), so a silo
/// that does not answer fails it too; the SQLite store proves itself with a commit of its own.
/// </summary>
public sealed class StorageHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IStorageHealthGrain>(IStorageHealthGrain.Key).CheckAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("Storage answered.");
        }
        catch (Exception e) when (e is StorageUnavailableException or TimeoutException or OrleansException)
        {
            // The exception stays out of the answer: its message may name hosts or files.
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage did not answer the readiness check.");
        }
    }
}
