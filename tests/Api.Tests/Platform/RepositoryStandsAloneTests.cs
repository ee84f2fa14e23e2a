using System.Text.RegularExpressions;
using Collaboration.Tests.Setup;

namespace Collaboration.Api.Tests.Platform;

/// <summary>
/// The repository is all a reader needs: every file a comment, a script or a document names by its path is in the
/// repository, every relative link of a document leads to a file of it, and nothing points outside the checkout.
/// </summary>
public sealed partial class RepositoryStandsAloneTests
{
    // Folders of things made by building, testing or running, not written by anyone.
    private static readonly string[] MadeFolders = ["bin", "obj", ".git", ".tools", "node_modules", "data", "TestResults"];

    private static readonly string[] ReadExtensions = [".md", ".cs", ".sh", ".lua", ".csproj", ".props", ".json", ".js", ".mjs", ".html", ".css", ".yml"];

    private static readonly string[] ReadScripts = ["test.sh", "run"];

    [Fact]
    public void EveryPathACommentScriptOrDocumentNamesIsAFileOfTheRepository()
    {
        var root = RepositoryFolder.Root;
        var missing = WrittenFiles(root)
            .SelectMany(file => RepositoryPath().Matches(File.ReadAllText(file))
                .Select(match => match.Groups["path"].Value.TrimEnd('.'))
                .Where(path => !File.Exists(Path.Combine(root, path)) && !Directory.Exists(Path.Combine(root, path)))
                .Select(path => $"{Path.GetRelativePath(root, file)} names {path}"))
            .ToList();

        Assert.True(missing.Count == 0, "Paths that are not in the repository:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryRelativeLinkOfADocumentLeadsToAFileOfTheRepository()
    {
        var root = RepositoryFolder.Root;
        var broken = WrittenFiles(root)
            .Where(file => file.EndsWith(".md", StringComparison.Ordinal))
            .SelectMany(file => MarkdownLink().Matches(File.ReadAllText(file))
                .Select(match => match.Groups["target"].Value)
                .Where(target => !Uri.TryCreate(target, UriKind.Absolute, out _))
                .Where(target => !Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target)), root))
                .Select(target => $"{Path.GetRelativePath(root, file)} links to {target}"))
            .ToList();

        Assert.True(broken.Count == 0, "Links to nothing in the repository:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void NothingInTheRepositoryPointsOutsideTheCheckout()
    {
        var root = RepositoryFolder.Root;
        // Built from its parts, so that this file does not cite it either.
        var outside = string.Join('/', "..", "shared");
        var citing = WrittenFiles(root)
            .Where(file => File.ReadAllText(file).Contains(outside, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();

        Assert.True(citing.Count == 0, $"Files that cite {outside}: " + string.Join(", ", citing));
    }

    private static bool Exists(string path, string root) =>
        path.StartsWith(root, StringComparison.Ordinal) && (File.Exists(path) || Directory.Exists(path));

    private static IEnumerable<string> WrittenFiles(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            foreach (var child in Directory.EnumerateDirectories(folder).Where(child => !MadeFolders.Contains(Path.GetFileName(child))))
            {
                pending.Push(child);
            }

            foreach (var file in Directory.EnumerateFiles(folder).Where(file =>
                ReadExtensions.Contains(Path.GetExtension(file)) || ReadScripts.Contains(Path.GetFileName(file))))
            {
                yield return file;
            }
        }
    }

    // A path from the repository's root to a file: a top-level folder of the repository, then a name with an extension
    // that is not followed by more of a name (so "Api/Collaboration.Api.csproj" is not read as "....Api.cs").
    [GeneratedRegex(@"(?<![\w./-])(?<path>(?:docs|bench|tests|Api|Grains|Silo|\.ci)/[\w./-]*\.(?:md|cs|csproj|props|sh|lua|json|png|txt|mjs|js|html|css))(?![\w-])")]
    private static partial Regex RepositoryPath();

    // A Markdown link or image whose target looks like a path (not an anchor, a query or a pattern in code).
    [GeneratedRegex(@"\]\((?<target>[\w./-]+)(?:#[\w-]*)?\)")]
    private static partial Regex MarkdownLink();
}
