namespace Collaboration.Grains.Storage;

public static class AppendLogExtensions
{
    /// <summary>The record with the highest sequence number of <paramref name="log"/>, or null when it is empty.</summary>
    public static async Task<LogRecord?> ReadLastAsync(this IAppendLog log, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var last = await log.GetLastSequenceAsync(name, cancellationToken);
        return last > 0 ? (await log.ReadAsync(name, last - 1, 1, cancellationToken)).SingleOrDefault() : null;
    }
}
