namespace Collaboration.Grains.Errors;

/// <summary>Storage could not be reached or did not answer in time. Nothing was written; the caller may retry later.</summary>
[GenerateSerializer, Alias("collaboration.StorageUnavailableException")]
public sealed class StorageUnavailableException : OrleansException
{
    public StorageUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException!)
    {
    }

    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>How long a caller should wait before retrying.</summary>
    [Id(0)]
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);
}
