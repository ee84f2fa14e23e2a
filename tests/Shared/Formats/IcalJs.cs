using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Collaboration.Tests.Node;

namespace Collaboration.Tests.Formats;

/// <summary>
/// ical.js (npm; the parser of Mozilla's calendar clients) reading calendars the way a client would: a second
/// opinion beside <see cref="IcsChecker"/>, which checks the octets. The first use installs the pinned version into
/// <c>.tools/ical.js</c> of the repository (<see cref="NpmPackage"/>); each call runs one Node.js process.
/// </summary>
internal static class IcalJs
{
    public const string Version = "2.2.1";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Parses each calendar; fails the test with ical.js's error when one cannot be parsed.</summary>
    public static async Task<IReadOnlyList<IcalJsCalendar>> ParseAsync(params IReadOnlyList<string> calendars)
    {
        var module = await NpmPackage.InstallAsync("ical.js", Version, "ical.js", Path.Combine("dist", "ical.js"));
        var start = new ProcessStartInfo(NpmPackage.NodePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Shared", "Formats", "parse-ics.mjs"));
        start.ArgumentList.Add(module);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(calendars));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(RunTimeout);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"ical.js could not read a calendar: {await errors}");
        var parsed = JsonSerializer.Deserialize<List<IcalJsCalendar>>(await output, Json)!;
        Assert.Equal(calendars.Count, parsed.Count);
        return parsed;
    }
}
