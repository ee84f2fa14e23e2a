using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Collaboration.Bench.ExchangeSearch.Postgres;

/// <summary>
/// A private PostgreSQL cluster for the benchmark: Debian's server binaries (<c>apt-get install postgresql</c> when
/// they are missing and we are root), a fresh cluster made by <c>initdb</c> in a temporary folder, started by
/// <c>pg_ctl</c> on a free loopback port, stopped and deleted on dispose. The server refuses to run as root, so as
/// root it runs as Debian's <c>postgres</c> account; otherwise as the current user.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "bench";
    public const string Database = "postgres";

    private readonly string _binaries;
    private readonly string _folder;
    private bool _running;

    private PostgresServer(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's version as <c>postgres --version</c> prints it.</summary>
    public string Version { get; private set; } = "";

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={Database};Pooling=true;Maximum Pool Size=32;No Reset On Close=true";

    /// <summary>
    /// Starts a fresh cluster. <paramref name="settings"/> go to its postgresql.conf (memory, planner costs): the
    /// configuration a team would give a server that holds this data.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var binaries = FindBinaries() ?? await InstallAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"exchange-search-pg-{Guid.NewGuid():N}");
        var server = new PostgresServer(binaries, folder, FreePort());
        try
        {
            server.Version = (await server.RunAsync("postgres", "--version")).Trim();
            // initdb creates the folder itself (as the account that will own it). No fsync of the new files: the
            // cluster is thrown away at the end.
            await server.RunAsync(
                "initdb", "-D", folder, "-U", User, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
            var conf = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"port = {server.Port}")
                .AppendLine("listen_addresses = '127.0.0.1'")
                .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{folder}'");
            foreach (var (name, value) in settings)
            {
                conf.AppendLine(CultureInfo.InvariantCulture, $"{name} = {value}");
            }

            await File.AppendAllTextAsync(Path.Combine(folder, "postgresql.conf"), conf.ToString());
            await server.RunAsync("pg_ctl", "-D", folder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "120", "start");
            server._running = true;
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            _running = false;
            await RunAsync("pg_ctl", "-D", _folder, "-m", "fast", "-w", "-t", "60", "stop");
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The newest Debian server's bin folder (<c>/usr/lib/postgresql/&lt;major&gt;/bin</c>), or null.</summary>
    private static string? FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(Root)
            .Where(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderByDescending(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture))
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    private static async Task<string> InstallAsync()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException(
                "PostgreSQL's server is not installed and only root can install it: apt-get install postgresql, or run with --no-postgres.");
        }

        Console.Error.WriteLine("installing Debian's postgresql");
        await ExecuteAsync("apt-get", ["update", "-qq"], asServerAccount: false);
        await ExecuteAsync("apt-get", ["install", "-y", "-qq", "postgresql"], asServerAccount: false);
        return FindBinaries() ?? throw new InvalidOperationException("apt-get installed postgresql, but no /usr/lib/postgresql/<version>/bin/initdb was found.");
    }

    private Task<string> RunAsync(string program, params string[] arguments) =>
        ExecuteAsync(Path.Combine(_binaries, program), arguments, asServerAccount: Environment.IsPrivilegedProcess);

    /// <summary>Runs a program to its end and returns its output; throws with its output when it fails.</summary>
    private static async Task<string> ExecuteAsync(string program, IReadOnlyList<string> arguments, bool asServerAccount)
    {
        var start = new ProcessStartInfo(asServerAccount ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServerAccount)
        {
            // Debian's package creates this account; the server will not run as root.
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
