using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// Writers posting good practices through the fronts of a <see cref="FrontCluster"/>, each through one front, one at a
/// time, every post with an Idempotency-Key. A write that gets no 2xx is sent again, with the same key, until it is
/// acknowledged: through its own front once that answers again (a killed front is waited for until it is back). Every
/// write and what each attempt was told is kept, for counting afterwards.
/// </summary>
public sealed class ClusterWriters
{
    /// <summary>The pause before a write that got no 2xx is sent again (a cross-process wait: polling).</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one request may take before the client gives up on it.</summary>
    private static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(20);

    private readonly FrontCluster _cluster;
    private readonly IReadOnlyList<string> _keys;
    private readonly ConcurrentQueue<Write> _writes = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiting = [];
    private TaskCompletionSource _frontBack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FrontCluster.Front? _down;
    private int _acknowledged;
    private Task? _running;

    public ClusterWriters(FrontCluster cluster, IReadOnlyList<string> partners, IReadOnlyList<string> keys)
    {
        _cluster = cluster;
        Partners = partners;
        _keys = keys;
    }

    public IReadOnlyList<string> Partners { get; }

    public IReadOnlyList<Write> Writes => [.. _writes];

    /// <summary>What must not happen: a surviving front that gave no answer, a write refused with a 4xx.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>The front writer <paramref name="writer"/> posts through.</summary>
    public FrontCluster.Front FrontOf(int writer) => _cluster.Fronts[writer % _cluster.Fronts.Count];

    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, Partners.Count).Select(RunAsync));

    /// <summary>Completes once <paramref name="count"/> writes in all have been acknowledged.</summary>
    public Task AcknowledgedAsync(int count)
    {
        lock (_gate)
        {
            if (_acknowledged >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>From now on, the writers of <paramref name="front"/> wait for <see cref="FrontBack"/> instead of retrying.</summary>
    public void FrontDown(FrontCluster.Front front)
    {
        lock (_gate)
        {
            _down = front;
        }
    }

    /// <summary>The front that was down answers again: its writers go on with the write they were at.</summary>
    public void FrontBack()
    {
        lock (_gate)
        {
            _down = null;
            _frontBack.TrySetResult();
            _frontBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Stops after each writer's current write is acknowledged.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }
    }

    private async Task RunAsync(int writer)
    {
        for (var sequence = 0; !_stop.IsCancellationRequested; sequence++)
        {
            var write = new Write(writer, sequence, FrontOf(writer).Name);
            _writes.Enqueue(write);
            await SendUntilAcknowledgedAsync(write);
        }
    }

    private async Task SendUntilAcknowledgedAsync(Write write)
    {
        var body = JsonSerializer.Serialize(new
        {
            kind = "goodPractice",
            title = write.Title,
            summary = "Written while a front of the cluster is killed.",
            themes = new[] { "resilience" },
        });
        while (true)
        {
            var front = FrontOf(write.Writer);
            Task? back;
            lock (_gate)
            {
                back = ReferenceEquals(_down, front) ? _frontBack.Task : null;
            }

            if (back is not null)
            {
                await back;
                continue;
            }

            using var client = front.CreateClient(_keys[write.Writer], RequestBound);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/exchanges") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", write.Key);
            write.Attempts++;
            try
            {
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    write.Id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
                    write.AcknowledgedThrough = front.Name;
                    Acknowledge();
                    return;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    _problems.Enqueue($"{write} was refused by {front}: {(int)response.StatusCode} {text}");
                    return;
                }

                write.Unavailable++;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                bool down;
                lock (_gate)
                {
                    down = ReferenceEquals(_down, front);
                }

                if (!down)
                {
                    _problems.Enqueue($"{front} gave no answer to {write}: {e.GetType().Name} {e.Message}");
                }
            }

            await Task.Delay(RetryPause);
        }
    }

    private void Acknowledge()
    {
        lock (_gate)
        {
            _acknowledged++;
            foreach (var waiting in _waiting.Where(w => w.Count <= _acknowledged).ToList())
            {
                waiting.Reached.TrySetResult();
                _waiting.Remove(waiting);
            }
        }
    }

    /// <summary>One practice a writer posts: its title is its marker, its key is its own.</summary>
    public sealed class Write(int writer, int sequence, string front)
    {
        public int Writer { get; } = writer;

        public int Sequence { get; } = sequence;

        /// <summary>The front the write was first sent through.</summary>
        public string Front { get; } = front;

        public string Title => $"Practice {Writer}.{Sequence} of the kill test";

        public string Key => $"kill-{Writer}-{Sequence}";

        /// <summary>The id the acknowledgement named; null until acknowledged.</summary>
        public string? Id { get; set; }

        public string? AcknowledgedThrough { get; set; }

        public int Attempts { get; set; }

        /// <summary>How many attempts were answered 503.</summary>
        public int Unavailable { get; set; }

        public override string ToString() => $"write {Writer}.{Sequence} ({Key}, through {Front})";
    }
}
