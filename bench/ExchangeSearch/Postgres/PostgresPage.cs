using Collaboration.Grains.Exchanges;

namespace Collaboration.Bench.ExchangeSearch.Postgres;

/// <summary>A page of the PostgreSQL peer's search and where the next one starts (null at the end).</summary>
internal sealed record PostgresPage(IReadOnlyList<ExchangeListItem> Items, PostgresCursor? Next);
