namespace Collaboration.Grains.Network;

/// <summary>
/// An edge: <c>partner</c> and <c>lead</c> (municipality -> project; the lead has a lead edge only), <c>party</c>
/// (municipality -> agreement), <c>adoption</c> (adopting municipality -> the municipality whose practice it adopts).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.GraphEdge")]
public sealed record GraphEdge(string Source, string Target, string Type);
