namespace Collaboration.Grains.Access;

public enum ActorKind
{
    Coordinator,
    Municipality,
}
