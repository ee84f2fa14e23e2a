namespace Collaboration.Grains.Network;

/// <summary>
/// A node: <see cref="Type"/> is <c>municipality</c>, <c>project</c> or <c>agreement</c>; <see cref="Id"/> is
/// "type/id" (as activity subjects are), unique across types.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.GraphNode")]
public sealed record GraphNode(string Id, string Type, string Label, string? Country = null);
