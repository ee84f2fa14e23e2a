using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Tests.Municipalities;

/// <summary>Every partner's summary by id, read from the partners index, as eligibility reads the partners' countries.</summary>
public sealed class PartnersIndexTests
{
    private static MunicipalitySummary Partner(string id, string country) =>
        new(id, new MunicipalityProfile(id, country, PartnerKind.Municipality, null, null, null, [], null), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task EveryPageOfTheIndexIsRead()
    {
        var index = new PagedIndex(pageSize: 2, Partner("canepina", "IT"), Partner("gallese", "IT"), Partner("kelme", "LT"), Partner("labin", "HR"), Partner("novo-mesto", "SI"));

        var partners = await index.PartnersByIdAsync();

        Assert.Equal(["canepina", "gallese", "kelme", "labin", "novo-mesto"], partners.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("HR", partners["labin"].Profile.Country);
        Assert.Equal(3, index.Queries);
    }

    [Fact]
    public async Task TheSameAnswerOfTheIndexGivesTheSamePartnersAndANewAnswerNewOnes()
    {
        var index = new PagedIndex(pageSize: 10, Partner("kelme", "LT"));

        var first = await index.PartnersByIdAsync();
        var again = await index.PartnersByIdAsync();
        index.Replace(Partner("kelme", "IT"));
        var changed = await index.PartnersByIdAsync();

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
        Assert.Equal("IT", changed["kelme"].Profile.Country);
    }

    /// <summary>An index of partners that answers in pages of its own size and, like a caching storage, hands back the same page while nothing changed.</summary>
    private sealed class PagedIndex(int pageSize, params MunicipalitySummary[] partners) : IGrainIndex
    {
        private readonly Dictionary<string, IndexPage> _answers = new(StringComparer.Ordinal);
        private List<IndexHit> _hits = Hits(partners);

        public int Queries { get; private set; }

        public void Replace(params MunicipalitySummary[] replacement)
        {
            _hits = Hits(replacement);
            _answers.Clear();
        }

        public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
        {
            Assert.Equal(IndexNames.Municipalities, query.Index);
            Queries++;
            var key = query.After?.DocumentId ?? "";
            if (!_answers.TryGetValue(key, out var page))
            {
                var items = _hits.Where(h => string.CompareOrdinal(h.DocumentId, key) > 0).Take(pageSize + 1).ToList();
                page = new IndexPage(items.Take(pageSize).ToList(), items.Count > pageSize ? items[pageSize - 1].Cursor : null);
                _answers[key] = page;
            }

            return Task.FromResult(page);
        }

        public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult((long)_hits.Count);

        private static List<IndexHit> Hits(IEnumerable<MunicipalitySummary> summaries) =>
            summaries.OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => new IndexHit(s.Id, 0, JsonSerializer.Serialize(s, GrainStateSerializer.Options)))
                .ToList();
    }
}
