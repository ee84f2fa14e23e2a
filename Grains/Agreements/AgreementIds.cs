using System.Text.RegularExpressions;

namespace Collaboration.Grains.Agreements;

/// <summary>
/// Agreement ids are assigned by the server: "ag-" and 32 hex digits, a version 7 GUID (so they sort by creation time),
/// or, for a request with an Idempotency-Key, digits derived from the key (the API's IdempotencyContext.NewId).
/// </summary>
public static partial class AgreementIds
{
    public const string Prefix = "ag-";

    public static string New() => Prefix + Guid.CreateVersion7().ToString("N");

    /// <summary>Whether <paramref name="id"/> could name an agreement; anything else is unknown without asking a grain.</summary>
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^ag-[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
