namespace Collaboration.Grains.Network;

/// <summary>A partner without activity in the window; <see cref="LastActivityAt"/> is null when it never had any.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.InactivePartner")]
public sealed record InactivePartner(string Id, string Name, string Country, DateTimeOffset? LastActivityAt);
