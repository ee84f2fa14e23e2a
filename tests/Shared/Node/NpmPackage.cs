using System.Diagnostics;
using Collaboration.Tests.Setup;

namespace Collaboration.Tests.Node;

/// <summary>
/// A pinned npm package that tests run with Node.js (Azurite, ical.js), installed once per clone into
/// <c>.tools/&lt;folder&gt;</c> of the repository (ignored by git). Test projects installing at once wait for each other.
/// Compiled into each test project that needs it (linked, not copied).
/// </summary>
internal static class NpmPackage
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Node.js itself, which the tests that use a package need on PATH.</summary>
    public static string NodePath =>
        FindOnPath("node") ?? throw new InvalidOperationException("Node.js (node) is not on PATH; the tests that run npm packages need it.");

    /// <summary>
    /// Installs <paramref name="package"/>@<paramref name="version"/> if needed and returns the full path of
    /// <paramref name="entry"/>, a file of the package relative to its folder in node_modules.
    /// </summary>
    public static async Task<string> InstallAsync(string package, string version, string folderName, string entry)
    {
        var folder = Path.Combine(RepositoryFolder.Root, ".tools", folderName);
        var file = Path.Combine(folder, "node_modules", package, entry);
        var marker = Path.Combine(folder, $"installed-{version}");
        if (IsInstalled(file, marker))
        {
            return file;
        }

        Directory.CreateDirectory(folder);
        await using var installLock = await LockAsync(Path.Combine(folder, ".install.lock"));
        if (IsInstalled(file, marker))
        {
            return file;
        }

        var npm = FindOnPath("npm") ?? throw new InvalidOperationException($"npm is not on PATH; the tests need it to install {package}.");
        TestSetupLog.Announce($"installing {package}@{version} with npm into {folder} (once per clone; needs the npm registry)");
        var install = new ProcessStartInfo(npm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { "install", "--prefix", folder, "--no-audit", "--no-fund", "--loglevel=error", $"{package}@{version}" })
        {
            install.ArgumentList.Add(argument);
        }

        using var process = Process.Start(install) ?? throw new InvalidOperationException("npm did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 || !File.Exists(file))
        {
            throw new InvalidOperationException($"npm install {package}@{version} failed ({process.ExitCode}): {await output}{await errors}");
        }

        await File.WriteAllTextAsync(marker, version);
        return file;
    }

    // The marker is written after npm succeeded, so a half-finished install (another test project's) never counts.
    private static bool IsInstalled(string file, string marker) => File.Exists(file) && File.Exists(marker);

    private static async Task<FileStream> LockAsync(string path)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (deadline.Elapsed < InstallTimeout)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
