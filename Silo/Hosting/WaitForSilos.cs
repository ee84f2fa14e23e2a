using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.Hosting;

/// <summary>
/// A front in client mode that starts before any silo answers (a cluster started all at once, a silo restarting) waits
/// for one instead of failing at once: it tries again every second for up to <see cref="Patience"/>, then fails to
/// start with the last error.
/// </summary>
internal sealed partial class WaitForSilos(ILogger<WaitForSilos> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _waiting = new();

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (!_waiting.IsRunning)
        {
            _waiting.Start();
            LogWaiting(exception.Message, Patience);
        }

        if (_waiting.Elapsed > Patience)
        {
            return false;
        }

        await Task.Delay(Pause, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of the cluster answers yet ({Reason}); trying again every second for up to {Patience}")]
    private partial void LogWaiting(string reason, TimeSpan patience);
}
