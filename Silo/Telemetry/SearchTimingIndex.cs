using System.Diagnostics;
using Collaboration.Grains.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Telemetry;

/// <summary>The store's index with its text searches timed (<see cref="CollaborationMetrics"/>); every other query passes straight through.</summary>
internal sealed class SearchTimingIndex(IGrainIndex index, CollaborationMetrics metrics) : IGrainIndex
{
    /// <summary>Puts the timing in front of the store registered as <see cref="IGrainIndex"/>: only with metrics on, so that otherwise queries meet nothing in between.</summary>
    public static void Register(IServiceCollection services)
    {
        var store = services.Last(d => d.ServiceType == typeof(IGrainIndex) && !d.IsKeyedService).ImplementationFactory
            ?? throw new InvalidOperationException("The store is registered as IGrainIndex by a factory (StorageServiceCollectionExtensions).");
        services.AddSingleton<IGrainIndex>(provider => new SearchTimingIndex((IGrainIndex)store(provider), provider.GetRequiredService<CollaborationMetrics>()));
    }

    public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default) =>
        query.Text is null || !metrics.MeasuresSearches ? index.QueryAsync(query, cancellationToken) : TimedAsync(query, cancellationToken);

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default) => index.CountAsync(query, cancellationToken);

    private async Task<IndexPage> TimedAsync(IndexQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await index.QueryAsync(query, cancellationToken);
        }
        finally
        {
            metrics.Searched(query.Index, Stopwatch.GetElapsedTime(started));
        }
    }
}
