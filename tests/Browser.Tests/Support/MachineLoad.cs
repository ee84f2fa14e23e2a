using System.Globalization;

namespace Collaboration.Browser.Tests.Support;

/// <summary>How busy this machine is: the kernel's one-minute load average per core (Linux; elsewhere 0).</summary>
public static class MachineLoad
{
    /// <summary>Above this, the processes that want a core outnumber the cores half again.</summary>
    public const double Oversubscribed = 1.5;

    public static double PerCore()
    {
        const string LoadAverage = "/proc/loadavg";
        if (!File.Exists(LoadAverage))
        {
            return 0;
        }

        var first = File.ReadAllText(LoadAverage).Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return double.Parse(first, CultureInfo.InvariantCulture) / Environment.ProcessorCount;
    }
}
