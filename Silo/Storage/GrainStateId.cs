namespace Collaboration.Silo.Storage;

/// <summary>Where one named state of one grain is stored.</summary>
public readonly record struct GrainStateId(string GrainType, string GrainKey, string StateName)
{
    public override string ToString() => $"{GrainType}/{GrainKey}/{StateName}";
}
