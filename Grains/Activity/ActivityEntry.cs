namespace Collaboration.Grains.Activity;

/// <summary>
/// One change in the network, as coordinators see it in the activity log. <see cref="Type"/> is a stable
/// dotted name (<c>municipality.created</c>, <c>project.partnerAdded</c>, <c>exchange.posted</c>, ...);
/// <see cref="Actor"/> is who did it; <see cref="Subject"/> the resource it concerns ("project/shelter");
/// <see cref="Partner"/> the id of the partner the change is about when that is not the subject (the partner that
/// joined or left a project, the party that acceded to an agreement). <see cref="Summary"/> is for people and names
/// partners by name: code reads ids from the structured fields, never from the summary.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ActivityEntry")]
public sealed record ActivityEntry(string Type, string Actor, string Subject, string Summary, string? Partner = null);
