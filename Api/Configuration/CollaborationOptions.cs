namespace Collaboration.Api.Configuration;

/// <summary>The <c>Collaboration</c> configuration section (environment: <c>Collaboration__Xxx</c>).</summary>
public sealed class CollaborationOptions
{
    public const string Section = "Collaboration";

    /// <summary>Folder of the SQLite file and of <c>coordinator.key</c>.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>The coordinator's API key; when empty, one is generated on first start into the data folder.</summary>
    public string? CoordinatorKey { get; set; }

    public LimitOptions Limits { get; set; } = new();
}
