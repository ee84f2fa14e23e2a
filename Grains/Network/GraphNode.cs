namespace Collaboration.Grains.Network;

/// <summary>
/// A node: <see cref="Type"/> is <c>municipality</c>, <c>project</c> or <c>agreement</c>; <see cref="Id"/> is
/// "type/id" (as activity subjects are), unique across types. A municipality carries its <see cref="Country"/> and,
/// once it acted or was acted on, the time of its <see cref="LastActivityAt"/> (as the quiet partners list has it).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.GraphNode")]
public sealed record GraphNode(string Id, string Type, string Label, string? Country = null, DateTimeOffset? LastActivityAt = null);
