using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Collaboration.Tests.Network;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// The silo's own build output running alone (<c>dotnet Collaboration.Silo.dll</c>) on a data folder, with its silo and
/// gateway on free loopback ports; an Api in client mode connects to <see cref="GatewayPort"/>.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, int gatewayPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
    }

    public int GatewayPort { get; }

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    public static async Task<SiloProcess> StartAsync(string dataPath)
    {
        var gatewayPort = FreePorts.Next();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataPath,
        };
        startInfo.ArgumentList.Add(SiloAssemblyPath());
        startInfo.ArgumentList.Add($"--Collaboration:DataPath={dataPath}");
        startInfo.ArgumentList.Add($"--Collaboration:Orleans:SiloPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}");
        startInfo.ArgumentList.Add($"--Collaboration:Orleans:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}");
        startInfo.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        startInfo.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information");
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";

        Directory.CreateDirectory(dataPath);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, gatewayPort);
        process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        process.Exited += (_, _) => silo._started.TrySetException(
            new InvalidOperationException($"The silo exited with {process.ExitCode} before it started:{Environment.NewLine}{silo.RecentOutput}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await silo._started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await silo.DisposeAsync();
            throw new TimeoutException($"The silo did not start within {StartTimeout}:{Environment.NewLine}{silo.RecentOutput}");
        }

        return silo;
    }

    public async ValueTask DisposeAsync()
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
        _process.Dispose();
    }

    private static string SiloAssemblyPath()
    {
        var path = Path.GetFullPath(typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SiloAssemblyPath").Value!);
        return File.Exists(path) ? path : throw new FileNotFoundException("The silo's build output is missing; build the solution first.", path);
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

        // The generic host logs this once every hosted service, the silo among them, has started.
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
