namespace Collaboration.Grains.Access;

[GenerateSerializer, Alias("collaboration.ActorKind")]
public enum ActorKind
{
    Coordinator,
    Municipality,
}
