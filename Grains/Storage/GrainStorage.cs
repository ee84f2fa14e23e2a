namespace Collaboration.Grains.Storage;

/// <summary>The grain storage provider every grain state is kept in; the silo registers it under this name.</summary>
public static class GrainStorage
{
    public const string Name = "collaboration";
}
