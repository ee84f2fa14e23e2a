namespace Collaboration.Grains.Activity;

/// <summary>
/// One change in the network, as coordinators see it in the activity log. <see cref="Type"/> is a stable
/// dotted name (<c>municipality.created</c>, <c>project.partnerAdded</c>, <c>exchange.posted</c>, ...);
/// <see cref="Actor"/> is who did it; <see cref="Subject"/> the resource it concerns ("project/shelter").
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ActivityEntry")]
public sealed record ActivityEntry(string Type, string Actor, string Subject, string Summary);
