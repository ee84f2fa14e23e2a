using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Bench.ExchangeSearch;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage.Sqlite;

// What the SQLite store costs per posted exchange, without HTTP or grains: writers hand exchanges to one "log" loop
// that commits each waiting group as one AppendWithStatesAsync (state, index entries and activity record), as the
// activity-log grain does. Prints posts per second and the CPU time per post of the writer thread and the process.
// Usage: Collaboration.Bench.StorageWrites [seconds=10] [writers=64] [warm-up seconds=3]
var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
var writers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 64;
var warmUp = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;

var folder = Directory.CreateTempSubdirectory("storage-writes-");
try
{
    await using var storage = new SqliteStorage(new SqliteStorageOptions { DataPath = folder.FullName });
    var corpus = new Corpus(seed: 7);
    var posts = Channel.CreateUnbounded<(LogAppend Append, TaskCompletionSource Done)>();
    var sequence = 0L;
    var logLoop = Task.Run(async () =>
    {
        var waiting = new List<(LogAppend Append, TaskCompletionSource Done)>();
        while (await posts.Reader.WaitToReadAsync())
        {
            while (posts.Reader.TryRead(out var post))
            {
                waiting.Add(post);
            }

            var outcomes = await storage.AppendWithStatesAsync("activity", sequence + 1, waiting.Select(w => w.Append).ToList());
            sequence += outcomes.Count;
            waiting.ForEach(w => w.Done.SetResult());
            waiting.Clear();
        }
    });

    var next = 0L;
    async Task<long> WriteUntil(DateTime end)
    {
        var count = 0L;
        while (DateTime.UtcNow < end)
        {
            var id = "xc" + Interlocked.Increment(ref next).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
            ExchangeState state;
            lock (corpus)
            {
                state = corpus.Next(id, DateTimeOffset.UtcNow);
            }

            var write = new StateWrite("exchange", id, "exchange", JsonSerializer.SerializeToUtf8Bytes(state, GrainStateSerializer.Options), null, state.GetIndexEntries(id));
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await posts.Writer.WriteAsync((new LogAppend(state.CreatedAt, seq => $"{{\"seq\":{seq},\"type\":\"exchange.posted\",\"subject\":\"exchange/{id}\"}}", write), done));
            await done.Task;
            count++;
        }

        return count;
    }

    async Task<long> Run(int duration) =>
        (await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => WriteUntil(DateTime.UtcNow.AddSeconds(duration))))).Sum();

    await Run(warmUp);
    var writerBefore = WriterThreadTicks();
    var processBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var written = await Run(seconds);
    var elapsed = clock.Elapsed;
    var writerTicks = WriterThreadTicks() - writerBefore;
    var processTime = Process.GetCurrentProcess().TotalProcessorTime - processBefore;
    posts.Writer.Complete();
    await logLoop;

    Console.WriteLine($"storage-posts-per-second {written / elapsed.TotalSeconds:F0}");
    Console.WriteLine($"storage-writer-us-per-post {writerTicks * 1e6 / ClockTicksPerSecond() / written:F1}");
    Console.WriteLine($"storage-process-us-per-post {processTime.TotalMicroseconds / written:F1}");
}
finally
{
    folder.Delete(recursive: true);
}

// The writer thread's user and system time, in clock ticks, from /proc (Linux); 0 elsewhere.
static long WriterThreadTicks()
{
    var tasks = new DirectoryInfo($"/proc/{Environment.ProcessId}/task");
    if (!tasks.Exists)
    {
        return 0;
    }

    foreach (var task in tasks.EnumerateDirectories())
    {
        try
        {
            if (File.ReadAllText(Path.Combine(task.FullName, "comm")).Trim() == "SQLite writer")
            {
                var fields = File.ReadAllText(Path.Combine(task.FullName, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
            // A thread that ended meanwhile.
        }
    }

    return 0;
}

static double ClockTicksPerSecond() => 100; // USER_HZ on Linux
