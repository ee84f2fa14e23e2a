using Collaboration.Browser.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Collaboration.Browser.Tests;

/// <summary>The Orleans dashboard at /orleans in a real headless Chromium, opened from the coordinators' page.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OrleansDashboardTests(DashboardFixture fixture, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void ACoordinatorOpensTheOrleansDashboardFromItsPageAndSeesTheSiloAndItsGrainsUnderTheStrictPolicy()
    {
        var driver = fixture.Driver;
        var wait = new WebDriverWait(driver, Patience) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        var silo = fixture.Api.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        // Without a session the page is refused: the browser has no key to send.
        driver.Navigate().GoToUrl(new Uri(fixture.Api.BaseAddress, "/orleans/"));
        Assert.Contains("\"status\":401", driver.PageSource, StringComparison.Ordinal);

        driver.Navigate().GoToUrl(new Uri(fixture.Api.BaseAddress, "/dashboard"));
        var keyInput = wait.Until(d => d.FindElement(By.Id("key-input")) is { Displayed: true } input ? input : null)!;
        keyInput.SendKeys(ApiHost.CoordinatorKey);
        driver.FindElement(By.Id("key-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("open-orleans")).Displayed);
        _ = driver.Manage().Logs.GetLog(LogType.Browser);
        driver.FindElement(By.Id("open-orleans")).Click();

        // The overview counts the one silo and its activations (the coordinators' page activated a few grains).
        wait.Until(d => d.Url == new Uri(fixture.Api.BaseAddress, "/orleans/").ToString());
        var overview = wait.Until(d => Content(d) is var shown && shown.Contains("ACTIVE SILOS\n1\n", StringComparison.OrdinalIgnoreCase) ? shown : null)!;
        Assert.Matches("(?i)TOTAL ACTIVATIONS\\n[1-9]", overview);
        PageScreenshot.Save(driver, "orleans-dashboard.png", 1440, output);

        // The silos page names this host's silo; the grains page lists the project's grains (the network projection
        // is active from the start) among Orleans's own.
        driver.Navigate().GoToUrl(new Uri(fixture.Api.BaseAddress, "/orleans/#/silos"));
        wait.Until(d => Content(d).Contains(silo.Endpoint.ToString(), StringComparison.Ordinal));
        driver.Navigate().GoToUrl(new Uri(fixture.Api.BaseAddress, "/orleans/#/grains"));
        wait.Until(d => Content(d).Contains("NetworkProjectionGrain", StringComparison.Ordinal));

        // Everything it needed came from this server within its policy: the console reports no refusal.
        var console = driver.Manage().Logs.GetLog(LogType.Browser).Select(entry => entry.Message).ToList();
        Assert.True(
            !console.Any(line => line.Contains("Content Security Policy", StringComparison.Ordinal)),
            "The page's policy refused something: " + string.Join(Environment.NewLine, console));
    }

    private static string Content(IWebDriver driver) => driver.FindElement(By.Id("content")).Text;
}
