namespace Collaboration.Grains.Network;

/// <summary>Partners, projects and agreements, and how they are tied together.</summary>
public sealed record NetworkGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
