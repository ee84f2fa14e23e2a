using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Queries;

[GrainType("index-query")]
[StatelessWorker]
public sealed class IndexQueryGrain(IGrainIndex index) : Grain, IIndexQueryGrain
{
    public Task<IndexPage> QueryAsync(IndexQuery query) => index.QueryAsync(query);

    public Task<long> CountAsync(IndexQuery query) => index.CountAsync(query);
}
