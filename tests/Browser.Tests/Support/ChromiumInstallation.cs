using System.Diagnostics;
using Collaboration.Tests.Setup;

namespace Collaboration.Browser.Tests.Support;

/// <summary>
/// The headless Chromium and the chromedriver the browser tests drive. By default Debian's <c>chromium</c> and
/// <c>chromium-driver</c>, installed with apt-get when missing (CI machines start without them; the install takes
/// about a minute and needs root, as the project's machines run). Elsewhere, <see cref="BrowserVariable"/> and
/// <see cref="DriverVariable"/> name a Chromium (or Chrome) and a chromedriver of the same major version already on
/// the machine, and nothing is installed.
/// </summary>
public static class ChromiumInstallation
{
    public const string BrowserVariable = "COLLABORATION_CHROMIUM";
    public const string DriverVariable = "COLLABORATION_CHROMEDRIVER";

    private const string DebianBrowser = "/usr/bin/chromium";
    private const string DebianDriver = "/usr/bin/chromedriver";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Browser => Environment.GetEnvironmentVariable(BrowserVariable) is { Length: > 0 } path ? path : DebianBrowser;

    public static string Driver => Environment.GetEnvironmentVariable(DriverVariable) is { Length: > 0 } path ? path : DebianDriver;

    public static bool IsInstalled => File.Exists(Browser) && File.Exists(Driver);

    private static bool IsChosen =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BrowserVariable)) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DriverVariable));

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (IsInstalled)
            {
                TestSetupLog.Announce($"using Chromium {Browser} with {Driver} (headless; quit when the tests end)");
                return;
            }

            if (IsChosen)
            {
                // A browser given by the environment is never replaced by one installed behind the user's back.
                throw new InvalidOperationException(
                    $"{BrowserVariable}/{DriverVariable} name {Browser} and {Driver}, and at least one of them does not exist.");
            }

            TestSetupLog.Announce(
                "installing Debian's chromium and chromium-driver with apt-get (needs root and Debian's package sources; " +
                $"set {BrowserVariable} and {DriverVariable} to use a Chromium and chromedriver already installed)");
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
                $"'{command} {arguments}' failed with exit code {process.ExitCode} (installing chromium needs root and Debian's package sources; " +
                $"or set {BrowserVariable} and {DriverVariable} to a Chromium and chromedriver already installed):\n{await errors}\n{await output}");
        }
    }
}
