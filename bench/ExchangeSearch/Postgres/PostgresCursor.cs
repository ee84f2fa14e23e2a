namespace Collaboration.Bench.ExchangeSearch.Postgres;

/// <summary>The keyset position after the last exchange of a page: its creation time and id (the order's two keys).</summary>
internal readonly record struct PostgresCursor(DateTimeOffset CreatedAt, string Id);
