namespace Collaboration.Silo.Hosting;

/// <summary>What a silo reads from the <c>Collaboration</c> section: where data lives and how it is stored.</summary>
public sealed class SiloSettings
{
    public const string Section = "Collaboration";

    /// <summary>The folder of the SQLite file.</summary>
    public string DataPath { get; set; } = "./data";

    public StorageOptions Storage { get; set; } = new();

    public OrleansOptions Orleans { get; set; } = new();

    public ClusterSettings Cluster { get; set; } = new();
}
