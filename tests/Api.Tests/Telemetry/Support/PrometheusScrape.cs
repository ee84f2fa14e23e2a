using System.Globalization;

namespace Collaboration.Api.Tests.Telemetry.Support;

/// <summary>One scrape of <c>/metrics</c> in Prometheus's text format, read sample by sample.</summary>
public sealed class PrometheusScrape(string text)
{
    public string Text => text;

    /// <summary>Whether any sample of <paramref name="metric"/> is there.</summary>
    public bool Has(string metric) => Samples(metric, []).Any();

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/> (<c>name="value"</c>).</summary>
    public double Sum(string metric, params string[] labels) => Samples(metric, labels).Sum();

    private IEnumerable<double> Samples(string metric, string[] labels)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length
                || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            var labelsEnd = line[metric.Length] == '{' ? line.IndexOf('}', StringComparison.Ordinal) : metric.Length - 1;
            var labelText = line[metric.Length..(labelsEnd + 1)];
            if (labels.All(label => labelText.Contains(label, StringComparison.Ordinal)))
            {
                var value = line[(labelsEnd + 1)..].Trim().Split(' ')[0];
                yield return double.Parse(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
