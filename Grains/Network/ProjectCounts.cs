namespace Collaboration.Grains.Network;

/// <summary>All registered projects, and those running today (start &lt;= today &lt;= end).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProjectCounts")]
public sealed record ProjectCounts(long Total, long Active);
