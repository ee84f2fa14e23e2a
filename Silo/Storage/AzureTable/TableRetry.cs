using Collaboration.Grains.Errors;
namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// Repeats a request after a transient failure (no answer, timeout, throttling, 5xx) with exponential backoff and
/// jitter, waiting on the given <see cref="TimeProvider"/>. Callers pass only requests that are safe to repeat:
/// reads, upserts, deletes, and conditional writes that read back on a conflict (a repeated insert or If-Match
/// replace may meet its own first attempt). When the attempts are spent the failure becomes
/// <see cref="StorageUnavailableException"/>; refusals other than 404, 409 and 412, which callers handle, become
/// <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed class TableRetry(TimeProvider time, int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
{
    public async Task<T> RunAsync<T>(Func<int, Task<T>> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await request(attempt);
            }
            catch (TableRequestException exception) when (exception.IsTransient)
            {
                if (attempt >= maxAttempts)
                {
                    throw new StorageUnavailableException(
                        $"Azure Table storage did not answer after {attempt} attempts: {exception.Message}",
                        exception);
                }

                await Task.Delay(DelayBefore(attempt + 1), time, cancellationToken);
            }
            catch (TableRequestException exception) when (exception.Status is not (404 or 409 or 412))
            {
                throw new InvalidOperationException($"Azure Table storage refused a request: {exception.Message}", exception);
            }
        }
    }

    public Task RunAsync(Func<int, Task> request, CancellationToken cancellationToken) =>
        RunAsync(
            async attempt =>
            {
                await request(attempt);
                return true;
            },
            cancellationToken);

    /// <summary>Half the exponential delay is fixed and half random, so that many callers do not retry in step.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var exponential = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 2));
        return TimeSpan.FromMilliseconds((exponential / 2) + (Random.Shared.NextDouble() * exponential / 2));
    }
}
