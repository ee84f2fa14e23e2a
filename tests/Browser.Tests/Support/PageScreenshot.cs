using System.Globalization;
using OpenQA.Selenium;
using Xunit.Abstractions;
using Collaboration.Tests.Setup;

namespace Collaboration.Browser.Tests.Support;

/// <summary>Whole-page pictures of the dashboard: kept as test artefacts, and on request as the README's pictures.</summary>
public static class PageScreenshot
{
    /// <summary>Set to 1 to copy the screenshots to docs/, the README's pictures.</summary>
    public const string UpdateVariable = "COLLABORATION_UPDATE_SCREENSHOT";

    public static void Save(IWebDriver driver, string fileName, int width, ITestOutputHelper output)
    {
        // The whole page in one picture: the window grows to the document's height first.
        var script = (IJavaScriptExecutor)driver;
        var height = Convert.ToInt32(script.ExecuteScript("return document.documentElement.scrollHeight;"), CultureInfo.InvariantCulture);
        var chrome = driver.Manage().Window.Size.Height - Convert.ToInt32(script.ExecuteScript("return window.innerHeight;"), CultureInfo.InvariantCulture);
        driver.Manage().Window.Size = new System.Drawing.Size(width, height + chrome + 16);
        var screenshot = ((ITakesScreenshot)driver).GetScreenshot();
        var artefact = Path.Combine(AppContext.BaseDirectory, "TestResults", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(artefact)!);
        screenshot.SaveAsFile(artefact);
        output.WriteLine($"Screenshot: {artefact}");

        // Only on request: a test that rewrote a tracked file on every run would leave every working tree changed
        // (and invite binary merge conflicts between branches).
        var repository = RepositoryFolder.TryFind();
        if (repository is not null && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var docs = Path.Combine(repository, "docs", fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(artefact, docs, overwrite: true);
            output.WriteLine($"Screenshot for the README: {docs}");
        }
    }
}
