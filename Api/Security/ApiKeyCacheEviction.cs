using Collaboration.Api.Features.Network;
using Collaboration.Grains.Activity;

namespace Collaboration.Api.Security;

/// <summary>
/// Forgets the cached keys of a municipality whose key was revoked or replaced through any front, as its activity
/// record arrives on this front's live feed (which every front of a cluster receives); when this listener is cut off from the feed (it fell behind), it forgets every key.
/// </summary>
public sealed class ApiKeyCacheEviction([FromKeyedServices(LiveActivity.Key)] ActivityFeed feed, ApiKeyCache cache) : BackgroundService
{
    private const string Subject = "municipality/";

    /// <summary>The activity types after which a municipality's former key must no longer work.</summary>
    public static readonly IReadOnlySet<string> Revoking = new HashSet<string>(StringComparer.Ordinal)
    {
        "municipality.deactivated", "municipality.keyRotated",
    };

    /// <summary>Forgets the keys of the municipality a revoking record names; any other record changes nothing.</summary>
    public static void Apply(ApiKeyCache cache, ActivityRecord record)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(record);
        if (Revoking.Contains(record.Type) && record.Subject.StartsWith(Subject, StringComparison.Ordinal))
        {
            cache.Forget(record.Subject[Subject.Length..]);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var subscription = feed.Subscribe();
            try
            {
                while (await subscription.Records.WaitToReadAsync(stoppingToken))
                {
                    while (subscription.Records.TryRead(out var record))
                    {
                        Apply(cache, record);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // Cut off: records may have been missed.
            cache.Clear();
        }
    }
}
