namespace Collaboration.Silo;

/// <summary>The identity of a grain: its grain type name and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
