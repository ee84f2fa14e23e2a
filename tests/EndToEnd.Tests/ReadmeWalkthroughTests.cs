using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.EndToEnd.Tests.Support;
using Collaboration.Tests.Setup;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// The README's SHELTER walkthrough, run as printed: its shell blocks, in order, with bash and curl against the API's
/// own build started as <c>dotnet run --project Api</c> would (a fresh ./data, the coordinator key generated into it).
/// Only the address changes (the API listens on a free port instead of 5000).
/// </summary>
public sealed partial class ReadmeWalkthroughTests
{
    private static readonly string[] Sections =
    [
        "### Loading the SHELTER network",
        "### Recording an event and fetching the report",
        "### Sharing a practice, and correcting mistakes",
        "### Drafting and signing the partnership agreement",
    ];

    [Fact]
    public async Task TheShelterWalkthroughRunsAsPrintedFromLoadingTheNetworkToTheSignedAgreement()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryFolder.Root, "README.md"));
        var script = string.Join("\n", Sections.SelectMany(section => ShellBlocks(SectionOf(readme, section))));
        Assert.Contains("API=http://localhost:5000", script, StringComparison.Ordinal);
        using var folder = new TemporaryFolder();
        await using var api = await ApiProcess.StartAsync(Path.Combine(folder.Path, "data"), new Dictionary<string, string>
        {
            ["Collaboration:CoordinatorKey"] = "",
        });

        var (exitCode, output, errors) = await RunBashAsync(
            script.Replace("API=http://localhost:5000", $"API={api.BaseAddress.ToString().TrimEnd('/')}", StringComparison.Ordinal),
            workingDirectory: folder.Path);

        // Every command ran (set -e, pipefail: an id or key the script could not find stops it).
        Assert.True(exitCode == 0, $"The walkthrough stopped ({exitCode}): {errors}\n{output}");

        // The one refusal the walkthrough shows on purpose, and no other problem.
        var statuses = ProblemStatus().Matches(output).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["400"], statuses);
        Assert.Contains("'titel' is not a field of this body", output, StringComparison.Ordinal);

        // The report as the README prints it, line for line.
        foreach (var line in ReportBlock(SectionOf(readme, Sections[1])))
        {
            Assert.Contains(line, output, StringComparison.Ordinal);
        }

        // Gallese adapts Novo mesto's practice; the six towns' agreement is in force, signed by each.
        Assert.Contains("\"status\":\"adapting\"", output, StringComparison.Ordinal);
        var key = (await File.ReadAllTextAsync(Path.Combine(folder.Path, "data", "coordinator.key"))).Trim();
        using var coordinator = api.CreateClient(key);
        using var agreements = JsonDocument.Parse(await coordinator.GetStringAsync("/agreements"));
        var summary = Assert.Single(agreements.RootElement.EnumerateArray());
        using var agreement = JsonDocument.Parse(await coordinator.GetStringAsync($"/agreements/{summary.GetProperty("id").GetString()}"));
        Assert.Equal("inForce", agreement.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            ["canepina", "gallese", "herceg-novi", "kelme", "laragne-monteglin", "novo-mesto"],
            agreement.RootElement.GetProperty("parties").EnumerateArray()
                .Where(p => p.GetProperty("signedAt").ValueKind == JsonValueKind.String)
                .Select(p => p.GetProperty("municipalityId").GetString()).Order(StringComparer.Ordinal));
    }

    private static string SectionOf(string readme, string heading)
    {
        var start = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The README has no section '{heading}'.");
        // The next heading of the same level or above (a shell block's comment lines start with "#" too).
        var end = new[] { "\n## ", "\n### " }.Select(h => readme.IndexOf(h, start + heading.Length, StringComparison.Ordinal))
            .Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        return end < 0 ? readme[start..] : readme[start..end];
    }

    private static IEnumerable<string> ShellBlocks(string section) =>
        ShellBlock().Matches(section).Select(m => m.Groups[1].Value);

    private static List<string> ReportBlock(string section)
    {
        var lines = PlainBlock().Match(section).Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.True(lines.Count >= 5, "The README's section shows no report.");
        return lines;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunBashAsync(string script, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-e", "-u", "-o", "pipefail", "-s" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The walkthrough did not finish within 3 minutes: {await output}");
        }

        return (process.ExitCode, await output, await errors);
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    // The funder's template as the README prints it: the plain block that begins with the project's sentence.
    [GeneratedRegex("```\n(The project «.*?)```", RegexOptions.Singleline)]
    private static partial Regex PlainBlock();

    [GeneratedRegex("\"status\":(\\d{3})")]
    private static partial Regex ProblemStatus();

}
