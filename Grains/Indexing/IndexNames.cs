namespace Collaboration.Grains.Indexing;

/// <summary>
/// The secondary indexes grain states publish, and the terms each carries. They are the contract by which
/// lists, searches and reverse lookups ("which projects is X a partner of") are answered without activating grains.
/// </summary>
public static class IndexNames
{
    /// <summary>Terms: country, kind.</summary>
    public const string Municipalities = "municipalities";

    /// <summary>Terms: partner (one per partner), lead, programme, measure.</summary>
    public const string Projects = "projects";

    /// <summary>Terms: project, host, status (confirmed, cancelled), participant (one per town that sent people). SortKey: start day. Published by event grains.</summary>
    public const string Events = "events";

    /// <summary>Terms: party (one per current party), status. Published by agreement grains.</summary>
    public const string Agreements = "agreements";

    /// <summary>Terms: kind, author, country, project, theme. Published by exchange grains.</summary>
    public const string Exchanges = "exchanges";

    /// <summary>Terms: code, severity. SortKey: since (ticks). One document per open alert, published by alert watch grains.</summary>
    public const string Alerts = "alerts";

    /// <summary>No terms; ordered by the time an answer was stored. Published by idempotency grains for their expiry.</summary>
    public const string Idempotency = "idempotency";
}
