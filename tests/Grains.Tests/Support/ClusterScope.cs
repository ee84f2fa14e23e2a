using Collaboration.Grains.Activity;
using Collaboration.Grains.Indexing;
using Collaboration.Tests.Time;

namespace Collaboration.Grains.Tests.Support;

/// <summary>
/// One test's share of the <see cref="GrainCluster"/>: its own clock (the domain's time while the test runs), a
/// tag for ids no other test uses, its view of the indexes, and the activity recorded since it began.
/// </summary>
public class ClusterScope : IAsyncDisposable
{
    private readonly long _activityBefore;

    public ClusterScope(GrainCluster cluster, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Cluster = cluster;
        Tag = cluster.NewTag();
        Clock = new ManualTimeProvider(start);
        cluster.Clock.Use(Clock);
        OwnIndex = new ScopedIndex(cluster.Index, Tag);

        // The memory storage answers at once; tests of the cluster run one at a time, so what follows is this test's.
        _activityBefore = cluster.Storage.GetLastActivitySequenceAsync().GetAwaiter().GetResult();
    }

    public GrainCluster Cluster { get; }

    /// <summary>What makes this test's ids its own (see <see cref="Id"/>).</summary>
    public string Tag { get; }

    /// <summary>The domain's time while this test runs; it moves only when the test advances it.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>The cluster's grains, called through the cluster client.</summary>
    public IGrainFactory Grains => Cluster.Grains;

    /// <summary>The indexes as the Api reads them (through the silo's index query grain).</summary>
    public IGrainIndex Index => Cluster.Index;

    /// <summary>The indexes holding only this test's documents, for questions about the whole network.</summary>
    public ScopedIndex OwnIndex { get; }

    /// <summary>The sequence number of the last activity recorded before this test began.</summary>
    public long ActivityBefore => _activityBefore;

    /// <summary>The id this test uses for <paramref name="name"/>: <c>Id("kelme")</c> is <c>kelme-t0007</c>.</summary>
    public string Id(string name) => $"{name}-{Tag}";

    /// <summary>Every activity record appended since this test began, oldest first.</summary>
    public async Task<IReadOnlyList<ActivityRecord>> ActivityAsync()
    {
        var records = new List<ActivityRecord>();
        while (true)
        {
            var after = records.Count > 0 ? records[^1].Seq : _activityBefore;
            var page = await Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).ReadAsync(after, ActivityLogReader.MaxReadLimit);
            records.AddRange(page);
            if (page.Count < ActivityLogReader.MaxReadLimit)
            {
                return records;
            }
        }
    }

    /// <summary>Turns storage faults off again, whatever the test left switched on.</summary>
    public virtual ValueTask DisposeAsync()
    {
        var faults = Cluster.Faults;
        faults.FailStateWrites = false;
        faults.FailLogAppends = false;
        faults.RetryAfter = new Grains.Errors.StorageUnavailableException().RetryAfter;
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
