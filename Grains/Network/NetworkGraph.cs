namespace Collaboration.Grains.Network;

/// <summary>Partners, projects and agreements, and how they are tied together.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.NetworkGraph")]
public sealed record NetworkGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
