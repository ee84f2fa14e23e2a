namespace Collaboration.Grains.Access;

/// <summary>
/// Who is acting: the network's coordinator, or one municipality (partner body) acting for itself.
/// Grains receive it so that resource-level rules ("only a party signs for itself") live in the domain.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.Actor")]
public sealed record Actor(ActorKind Kind, string? MunicipalityId)
{
    public static Actor Coordinator { get; } = new(ActorKind.Coordinator, null);

    public bool IsCoordinator => Kind == ActorKind.Coordinator;

    public static Actor Municipality(string municipalityId) => new(ActorKind.Municipality, municipalityId);

    /// <summary>True when this actor is the given municipality itself.</summary>
    public bool Is(string municipalityId) => Kind == ActorKind.Municipality && MunicipalityId == municipalityId;

    /// <summary>How the actor appears in records: the municipality id, or "coordinator".</summary>
    public override string ToString() => MunicipalityId ?? "coordinator";
}
