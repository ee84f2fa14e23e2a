using System.Text.RegularExpressions;

namespace Collaboration.Grains.Agreements;

/// <summary>Agreement ids are assigned by the server: "ag-" and a version 7 GUID, so they sort by creation time.</summary>
public static partial class AgreementIds
{
    public static string New() => "ag-" + Guid.CreateVersion7().ToString("N");

    /// <summary>Whether <paramref name="id"/> could name an agreement; anything else is unknown without asking a grain.</summary>
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^ag-[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
