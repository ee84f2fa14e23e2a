using Collaboration.Grains.Errors;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// What a failed table request means to the rest of the silo, once the SDK has spent its retries: a missing answer,
/// a timeout, throttling or a 5xx becomes <see cref="StorageUnavailableException"/> (answered 503 with Retry-After);
/// 404, 409 and 412 stay <see cref="TableRequestException"/> for the provider to handle; any other refusal becomes
/// <see cref="InvalidOperationException"/>.
/// </summary>
internal static class TableFailures
{
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> request)
    {
        try
        {
            return await request();
        }
        catch (TableRequestException exception) when (exception.IsTransient)
        {
            throw new StorageUnavailableException($"Azure Table storage did not answer: {exception.Message}", exception);
        }
        catch (TableRequestException exception) when (exception.Status is not (404 or 409 or 412))
        {
            throw new InvalidOperationException($"Azure Table storage refused a request: {exception.Message}", exception);
        }
    }

    public static Task TranslateAsync(Func<Task> request) =>
        TranslateAsync(
            async () =>
            {
                await request();
                return true;
            });
}
