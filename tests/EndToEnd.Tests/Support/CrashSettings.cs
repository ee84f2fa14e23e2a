using System.Globalization;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// The size of a crash run: small in the normal test run; <c>bench/crash</c> sets the environment for a long one.
/// </summary>
public sealed record CrashSettings(int Cycles, int AcknowledgementsPerCycle, int Clients, string? ResultsFile)
{
    public static CrashSettings FromEnvironment() => new(
        Number("COLLAB_CRASH_CYCLES", 2),
        Number("COLLAB_CRASH_ACKS", 120),
        Number("COLLAB_CRASH_CLIENTS", 6),
        Environment.GetEnvironmentVariable("COLLAB_CRASH_RESULTS") is { Length: > 0 } file ? file : null);

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
