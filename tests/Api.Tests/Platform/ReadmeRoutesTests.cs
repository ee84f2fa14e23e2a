using System.Text.RegularExpressions;
using Collaboration.Api.Tests.Security.Support;
using Collaboration.Api.Tests.Support;
using Collaboration.Tests.Setup;

namespace Collaboration.Api.Tests.Platform;

/// <summary>The README documents every route the app maps, and names no route the app does not have.</summary>
public sealed partial class ReadmeRoutesTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    // Served for people and tools rather than called as the API: the README names them in prose.
    private static readonly string[] NotApiPrefixes = ["/openapi/", "/swagger", "/dashboard/"];

    // The Orleans dashboard's own page, assets and data routes (the package maps them); the README names the page and
    // the session route the API adds, and gives the data routes in prose.
    private const string OrleansDashboardOwnRoutes = "GET /orleans/";

    // Mapped only when a setting turns them on (Collaboration:Telemetry:Metrics); the test host runs without it.
    private static readonly string[] MappedBySetting = ["GET /metrics"];

    [Fact]
    public void EveryRouteOfTheAppIsInTheReadmeAndEveryRouteTheReadmeListsIsOneOfTheApp()
    {
        _ = api.Server;
        var routes = RouteTable.Read(api.Services)
            .Where(r => r.Method != "HEAD")
            .Select(r => $"{r.Method} {Shape(r.Pattern)}")
            .Where(r => !NotApiPrefixes.Any(prefix => r[(r.IndexOf(' ', StringComparison.Ordinal) + 1)..].StartsWith(prefix, StringComparison.Ordinal)))
            .Where(r => !r.StartsWith(OrleansDashboardOwnRoutes, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md"));
        var documented = DocumentedRoute().Matches(readme)
            .Select(m => $"{m.Groups["method"].Value} {Shape(m.Groups["path"].Value)}")
            .ToHashSet(StringComparer.Ordinal);
        var listed = TableRow().Matches(readme)
            .SelectMany(row => DocumentedRoute().Matches(row.Value))
            .Select(m => $"{m.Groups["method"].Value} {Shape(m.Groups["path"].Value)}")
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = routes.Except(documented).Order(StringComparer.Ordinal).ToList();
        var unknown = listed.Except(routes).Except(MappedBySetting).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "Routes the README does not name: " + string.Join(", ", undocumented));
        Assert.True(unknown.Count == 0, "Routes the README lists that the app does not have: " + string.Join(", ", unknown));
    }

    /// <summary>Parameter names differ between the README and the code ("{eventId}", "{id}"): only the shape counts.</summary>
    private static string Shape(string path) => "/" + Parameter().Replace(path, "{}").Trim('/');

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|DELETE|PATCH) (?<path>/[^\s`?]*)")]
    private static partial Regex DocumentedRoute();

    [GeneratedRegex(@"^\| `[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
