using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.RegularExpressions;
using Collaboration.Tests.Network;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// The API's own build output running as a child process (<c>dotnet Collaboration.Api.dll</c>) on a data folder, on a
/// port the OS picks. <see cref="StartAsync"/> returns once the host logged that it started, <see cref="KillAsync"/>
/// ends it with SIGKILL: no shutdown code runs, as in a crash or an out-of-memory kill.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    public const string CoordinatorKey = "e2e-coordinator-key-0123456789abcdef";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _listening;

    private ApiProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    public static async Task<ApiProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var api = Launch(dataPath, settings);
        var process = api._process;
        process.Exited += (_, _) =>
        {
            // Its last lines (an unhandled exception's message among them) may still be on their way: read them to the end.
            process.WaitForExit();
            api._started.TrySetException(
                new InvalidOperationException($"The API exited with {process.ExitCode} before it started:{Environment.NewLine}{api.RecentOutput}"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            api.BaseAddress = await api._started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await api.KillAsync();
            throw new TimeoutException($"The API did not start within {StartTimeout}:{Environment.NewLine}{api.RecentOutput}");
        }

        return api;
    }

    /// <summary>
    /// Runs the API where it must refuse to start, and returns its exit code and everything it wrote once it has
    /// exited and its output is read to the end. A process still running after the start timeout is killed.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilItExitsAsync(string dataPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        await using var api = Launch(dataPath, settings);
        api._process.Start();
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        try
        {
            // With redirected output, WaitForExitAsync also waits for the end of both streams.
            await api._process.WaitForExitAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The API was still running after {StartTimeout}:{Environment.NewLine}{api.RecentOutput}");
        }

        return (api._process.ExitCode, string.Join(Environment.NewLine, api._output));
    }

    private static ApiProcess Launch(string dataPath, IReadOnlyDictionary<string, string>? settings)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataPath,
        };
        var arguments = new Dictionary<string, string>
        {
            ["--urls"] = "http://127.0.0.1:0",
            ["--Collaboration:DataPath"] = dataPath,
            ["--Collaboration:CoordinatorKey"] = CoordinatorKey,
            // Each process hosts a silo; processes of parallel tests (and a restart) need ports of their own.
            ["--Collaboration:Orleans:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["--Collaboration:Orleans:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["--Logging:LogLevel:Default"] = "Warning",
            ["--Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["--Logging:Console:FormatterName"] = "simple",
            ["--Logging:Console:FormatterOptions:SingleLine"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments["--" + key] = value;
        }

        startInfo.ArgumentList.Add(ApiAssemblyPath());
        foreach (var (key, value) in arguments)
        {
            startInfo.ArgumentList.Add($"{key}={value}");
        }

        // A clean environment for the child: no ASPNETCORE_URLS or settings from the test runner's shell.
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        Directory.CreateDirectory(dataPath);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var api = new ApiProcess(process);
        process.OutputDataReceived += (_, e) => api.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => api.OnLine(e.Data);
        return api;
    }

    public HttpClient CreateClient(string? apiKey, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>SIGKILL (Process.Kill on Linux), then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process hangs, its sockets open, as a silo stuck in a long pause would.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>Whether the process ends by itself within <paramref name="timeout"/> (a silo declared dead stops itself).</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // SIGKILL ends a stopped process as well.
        await KillAsync();
        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException($"kill -{signal} did not start.");
        await kill.WaitForExitAsync();
    }

    private static string ApiAssemblyPath()
    {
        var path = typeof(ApiProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ApiAssemblyPath").Value!;
        path = Path.GetFullPath(path);
        return File.Exists(path) ? path : throw new FileNotFoundException("The API's build output is missing; build the solution first.", path);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            // The API's own address comes first; a metrics port, when set, is listed after it.
            _listening ??= new Uri(match.Groups["url"].Value);
        }
        else if (line.Contains("Application started", StringComparison.Ordinal) && _listening is { } uri)
        {
            _started.TrySetResult(uri);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://[^\s]+)")]
    private static partial Regex ListeningOn();
}
