namespace Collaboration.Tests.Setup;

/// <summary>
/// Says what the tests install or start on this machine (apt packages, npm packages, servers), so that nothing is
/// installed silently. A line goes to standard error, and, when <c>COLLABORATION_TEST_SETUP_LOG</c> names a file
/// (test.sh sets it), to that file as well: the test runner keeps a test's console to itself, test.sh prints the file.
/// Compiled into each test project that needs it (linked, not copied).
/// </summary>
internal static class TestSetupLog
{
    public const string FileVariable = "COLLABORATION_TEST_SETUP_LOG";

    private static readonly Lock Gate = new();

    public static void Announce(string line)
    {
        var text = $"[test setup] {line}";
        Console.Error.WriteLine(text);
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
        {
            // Several test projects append at once: one short line per call, each a single append.
            lock (Gate)
            {
                File.AppendAllText(file, text + Environment.NewLine);
            }
        }
    }
}
