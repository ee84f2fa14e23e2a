using Collaboration.Browser.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Collaboration.Browser.Tests;

/// <summary>The coordinators' dashboard in a real headless Chromium against the running API.</summary>
public sealed class DashboardTests(DashboardFixture fixture, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    /// <summary>Set to 1 to copy the screenshot to docs/dashboard.png, the README's picture.</summary>
    public const string UpdateScreenshotVariable = "COLLABORATION_UPDATE_SCREENSHOT";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACoordinatorEntersTheKeySeesTheFiguresAndWatchesAnExchangeArriveLive()
    {
        var seed = new NetworkSeed(fixture.Api.BaseAddress);
        await seed.SeedAsync();
        var driver = fixture.Driver;
        var wait = new WebDriverWait(driver, Patience) { PollingInterval = TimeSpan.FromMilliseconds(100) };

        driver.Navigate().GoToUrl(new Uri(fixture.Api.BaseAddress, "/dashboard"));
        var keyInput = wait.Until(d => d.FindElement(By.Id("key-input")) is { Displayed: true } input ? input : null)!;
        keyInput.SendKeys(ApiHost.CoordinatorKey);
        driver.FindElement(By.Id("key-submit")).Click();

        wait.Until(d => Figure(d, "fig-partners") == "9");
        Assert.Equal("7", Figure(driver, "fig-countries"));
        Assert.Equal("2", Figure(driver, "fig-projects"));
        Assert.Equal("1", Figure(driver, "fig-agreements"));
        Assert.Equal("1", Figure(driver, "fig-events-held"));
        Assert.Equal("2", Figure(driver, "fig-events-upcoming"));
        Assert.Equal("89", Figure(driver, "fig-participants"));
        wait.Until(d => d.FindElements(By.CssSelector("#events li")).Count == 2);

        // The seeded network breaks none of its programmes' rules, so the alerts say so.
        wait.Until(d => d.FindElement(By.Id("alerts-empty")).Displayed);
        Assert.Empty(driver.FindElements(By.CssSelector("#alerts li")));
        wait.Until(d => d.FindElement(By.Id("status")).Text == "Live");
        wait.Until(d => d.FindElements(By.CssSelector("#graph .node")).Count == 12);
        Assert.Contains(driver.FindElements(By.CssSelector("#feed .feed-item")), item => item.GetAttribute("data-type") == "agreement.inForce");

        Assert.Equal("2", Figure(driver, "fig-exchanges"));
        Assert.Equal("3", Figure(driver, "fig-adoptions"));
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#graph .edge-adoption")));

        // A partner posts an exchange through the API while the coordinator watches.
        using var canepina = seed.Client(seed.Keys["canepina"]);
        await NetworkSeed.PostAsync(canepina, "/exchanges", new
        {
            kind = "lessonLearned",
            title = "What hosting the international conference taught us",
            summary = "Canepina on volunteers, interpreters and keeping citizens involved after the event.",
            themes = new[] { "citizenship", "volunteering" },
            projectId = "shelter",
        });

        var arrived = wait.Until(d => d.FindElements(By.CssSelector("#feed .feed-item"))
            .FirstOrDefault(item => item.GetAttribute("data-type") == "exchange.posted"
                && item.Text.Contains("What hosting the international conference taught us", StringComparison.Ordinal)));
        Assert.Contains("fresh", arrived!.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Equal(
            driver.FindElements(By.CssSelector("#feed .feed-item")).First().GetAttribute("data-seq"),
            arrived.GetAttribute("data-seq"));
        wait.Until(d => Figure(d, "fig-exchanges") == "3");

        SaveScreenshot(driver);
    }

    private static string? Figure(IWebDriver driver, string id) =>
        driver.FindElement(By.Id(id)).GetAttribute("data-value");

    /// <summary>Kept as a test artefact, and on request as the README's picture of the dashboard.</summary>
    private void SaveScreenshot(IWebDriver driver)
    {
        // The whole page in one picture: the window grows to the document's height first.
        var height = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        var chrome = driver.Manage().Window.Size.Height - Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return window.innerHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        driver.Manage().Window.Size = new System.Drawing.Size(1440, height + chrome + 16);
        var screenshot = ((ITakesScreenshot)driver).GetScreenshot();
        var artefact = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(artefact)!);
        screenshot.SaveAsFile(artefact);
        output.WriteLine($"Screenshot: {artefact}");

        // Only on request: a test that rewrote a tracked file on every run would leave every working tree changed
        // (and invite binary merge conflicts between branches).
        var repository = FindRepositoryRoot();
        if (repository is not null && Environment.GetEnvironmentVariable(UpdateScreenshotVariable) == "1")
        {
            var docs = Path.Combine(repository, "docs", "dashboard.png");
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(artefact, docs, overwrite: true);
            output.WriteLine($"Screenshot for the README: {docs}");
        }
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Collaboration.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
