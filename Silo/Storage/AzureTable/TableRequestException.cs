namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// A request the table service refused or did not answer, independent of the Table SDK. <see cref="Status"/> is the
/// HTTP status, or 0 when no answer came (connection refused, reset, timed out) in any of the SDK's attempts.
/// </summary>
internal sealed class TableRequestException : Exception
{
    public TableRequestException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; }

    public string? ErrorCode { get; }

    /// <summary>What the SDK retries: no answer, a timeout, throttling or a server error; still failing, it means an outage.</summary>
    public bool IsTransient => Status is 0 or 408 or 429 or 500 or 502 or 503 or 504;

    public bool IsTableNotFound => Status == 404 && ErrorCode == "TableNotFound";
}
