using System.Diagnostics;
using System.Globalization;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// One front's live activity stream (<c>GET /network/activity/stream</c>), read in the background from the start of the
/// log: every record's sequence number and subject, with when it arrived on the test's stopwatch.
/// </summary>
public sealed class ActivityStreamReader : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Arrival> _arrivals = [];
    private readonly Task _reading;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ActivityStreamReader(HttpClient client, HttpResponseMessage response, Stopwatch clock)
    {
        _client = client;
        _reading = ReadAsync(response, clock);
    }

    /// <summary>What arrived so far, in the order it arrived.</summary>
    public IReadOnlyList<Arrival> Arrivals
    {
        get
        {
            lock (_arrivals)
            {
                return [.. _arrivals];
            }
        }
    }

    /// <summary>Why the stream ended early, if it did.</summary>
    public Exception? Failure { get; private set; }

    public static async Task<ActivityStreamReader> OpenAsync(HttpClient client, Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/network/activity/stream");
        request.Headers.Add("Last-Event-ID", "0");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new ActivityStreamReader(client, response, clock);
    }

    /// <summary>Waits until a record about <paramref name="subject"/> arrived; false if none did within <paramref name="timeout"/>.</summary>
    public async Task<Arrival?> WaitForSubjectAsync(string subject, TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_arrivals)
            {
                if (_arrivals.FirstOrDefault(a => a.Subject == subject) is { } found)
                {
                    return found;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    /// <summary>Waits until the record numbered <paramref name="sequence"/> arrived; false if it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForSequenceAsync(long sequence, TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_arrivals)
            {
                if (_arrivals.Count > 0 && _arrivals[^1].Sequence >= sequence)
                {
                    return true;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(HttpResponseMessage response, Stopwatch clock)
    {
        try
        {
            using (response)
            using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token)))
            {
                long? sequence = null;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("id: ", StringComparison.Ordinal))
                    {
                        sequence = long.Parse(line[4..], CultureInfo.InvariantCulture);
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && sequence is { } seq)
                    {
                        var subject = System.Text.Json.JsonDocument.Parse(line[6..]).RootElement.GetProperty("subject").GetString()!;
                        lock (_arrivals)
                        {
                            _arrivals.Add(new Arrival(seq, subject, clock.Elapsed));
                            _arrived.TrySetResult();
                            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        }

                        sequence = null;
                    }
                }
            }

            Failure = new EndOfStreamException("The stream ended.");
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !_stop.IsCancellationRequested)
        {
            Failure = e;
        }
    }

    /// <summary>A record as it arrived: its number, what it is about, and when (on the test's stopwatch).</summary>
    public sealed record Arrival(long Sequence, string Subject, TimeSpan At);
}
