using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Collaboration.Browser.Tests.Support;

/// <summary>A running API and a headless Chromium driven by chromedriver, both on this machine only.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "collaboration-chromium", Guid.NewGuid().ToString("N"));

    public ApiHost Api { get; } = new();

    public ChromeDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ChromiumInstallation.EnsureInstalledAsync();
        _ = Api.BaseAddress;

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromiumInstallation.Driver)!, Path.GetFileName(ChromiumInstallation.Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumInstallation.Browser };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--window-size=1440,1000", "--force-device-scale-factor=1", "--lang=en-GB", $"--user-data-dir={_profile}");

        // The page's console (a refusal of the content security policy among it), for the tests that read it.
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        await Api.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp folder is cleaned by the machine.
        }
    }
}
