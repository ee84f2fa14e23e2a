namespace Collaboration.Silo;

/// <summary>
/// Names a grain class's type, the name under which its state is stored. Without it the name is the
/// class name without a trailing "Grain", in lower case. Renaming a class must not orphan its state, so
/// production grains name their type explicitly.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
