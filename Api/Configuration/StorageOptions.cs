namespace Collaboration.Api.Configuration;

/// <summary>Which storage provider keeps grain state (<c>Collaboration:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (default), <c>AzureTable</c> or <c>Memory</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Azure Storage connection string (or <c>UseDevelopmentStorage=true</c>) for <c>AzureTable</c>.</summary>
    public string? ConnectionString { get; set; }
}
