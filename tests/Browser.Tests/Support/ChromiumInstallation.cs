using System.Diagnostics;

namespace Collaboration.Browser.Tests.Support;

/// <summary>
/// Debian's chromium and its chromedriver, installed with apt-get when missing (CI machines start without them;
/// the install takes about a minute). The test runs as root there, as the project's machines do.
/// </summary>
public static class ChromiumInstallation
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static bool IsInstalled => File.Exists(Browser) && File.Exists(Driver);

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (IsInstalled)
            {
                return;
            }

            await RunAsync("apt-get", "-o DPkg::Lock::Timeout=300 update");
            await RunAsync("apt-get", "-o DPkg::Lock::Timeout=300 install -y chromium chromium-driver");
            if (!IsInstalled)
            {
                throw new InvalidOperationException($"apt-get finished but {Browser} or {Driver} is still missing.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {arguments}' failed with exit code {process.ExitCode} (installing chromium needs root and Debian's package sources):\n{await errors}\n{await output}");
        }
    }
}
