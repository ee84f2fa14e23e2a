namespace Collaboration.Silo;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> and names its state.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
