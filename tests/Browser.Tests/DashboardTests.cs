using Collaboration.Browser.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Collaboration.Browser.Tests;

/// <summary>The coordinators' dashboard in a real headless Chromium against the running API.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
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
        wait.Until(d => GraphCount(d, "node") == 12);
        Assert.Contains(driver.FindElements(By.CssSelector("#feed .feed-item")), item => item.GetAttribute("data-type") == "agreement.inForce");

        Assert.Equal("2", Figure(driver, "fig-exchanges"));
        Assert.Equal("3", Figure(driver, "fig-adoptions"));
        Assert.True(GraphCount(driver, "edge.adoption") > 0);

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

        PageScreenshot.Save(driver, "dashboard.png", 1440, output);
    }

    /// <summary>How many elements of the drawn graph match a Cytoscape selector.</summary>
    private static long GraphCount(IWebDriver driver, string selector) =>
        (long)((IJavaScriptExecutor)driver).ExecuteScript("return window.dashboard.graph ? window.dashboard.graph.elements(arguments[0]).length : 0;", selector)!;

    private static string? Figure(IWebDriver driver, string id) =>
        driver.FindElement(By.Id(id)).GetAttribute("data-value");
}
