namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>Where the Azure Table provider keeps its tables and how patiently it retries.</summary>
public sealed record AzureTableStorageOptions
{
    /// <summary>An Azure Storage connection string, or <c>UseDevelopmentStorage=true</c> for a local Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Letters and digits put before every table name, so that several deployments (or tests) share an account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>How long one request may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per request, the first included, before the storage is reported unavailable.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry; it doubles with each further retry, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);
}
