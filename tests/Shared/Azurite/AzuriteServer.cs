using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Collaboration.Tests.Node;
using Collaboration.Tests.Setup;

namespace Collaboration.Tests.Azurite;

/// <summary>
/// A real Azurite table service (npm <c>azurite</c>) on a free loopback port, for the tests of the Azure Table
/// provider. The first use installs the pinned version into <c>.tools/azurite</c> of the repository (<see cref="NpmPackage"/>);
/// the process is killed on dispose. Data lives in memory: a stop loses it, as a killed Azurite would anyway.
/// Compiled into each test project that needs it (linked, not copied).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string Version = "3.37.0";

    /// <summary>The environment variable naming an Azurite package installed elsewhere, used instead of the pinned one.</summary>
    public const string ExistingVariable = "COLLABORATION_AZURITE";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _script;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteServer(string script, int port)
    {
        _script = script;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Installs Azurite if needed and starts it on a free port.</summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        var script = await TableServiceScriptAsync();
        // Another process may take the port between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = new AzuriteServer(script, FreePort());
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The table service of an Azurite installed elsewhere (<see cref="ExistingVariable"/>: the folder of the azurite
    /// npm package, e.g. <c>$(npm root -g)/azurite</c>), or else the pinned one, installed into <c>.tools/azurite</c>.
    /// </summary>
    private static async Task<string> TableServiceScriptAsync()
    {
        var entry = Path.Combine("dist", "src", "table", "main.js");
        if (Environment.GetEnvironmentVariable(ExistingVariable) is { Length: > 0 } existing)
        {
            var script = Path.Combine(existing, entry);
            return File.Exists(script)
                ? script
                : throw new InvalidOperationException($"{ExistingVariable} is '{existing}', which has no {entry}; give the folder of the azurite npm package.");
        }

        return await NpmPackage.InstallAsync("azurite", Version, "azurite", entry);
    }

    /// <summary>Starts the process (again) on the same port and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(NpmPackage.NodePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            _script, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        TestSetupLog.Announce($"starting Azurite's table service ({_script}) on 127.0.0.1:{Port}; stopped when its tests end");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync())
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await StopAsync();
                throw new InvalidOperationException($"Azurite did not listen on port {Port} within {StartTimeout.TotalSeconds:0} s: {Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the process, as an outage would.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
