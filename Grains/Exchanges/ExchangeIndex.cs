using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Exchanges;

/// <summary>
/// The index documents of the exchange grains and how filter values are normalised, in one place so that what
/// a state publishes and what a query asks for cannot drift apart.
/// </summary>
public static class ExchangeIndex
{
    public const string Exchanges = IndexNames.Exchanges;
    public const string Replies = "replies";
    public const string Adoptions = "adoptions";

    public const string Kind = "kind";
    public const string Author = "author";
    public const string Country = "country";
    public const string Project = "project";
    public const string Theme = "theme";
    public const string Exchange = "exchange";
    public const string Municipality = "municipality";
    public const string Status = "status";

    /// <summary>Themes compare case-insensitively and ignore surrounding and repeated whitespace.</summary>
    public static string NormalizeTheme(string theme) =>
        string.Join(' ', theme.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static string NormalizeCountry(string country) => country.Trim().ToUpperInvariant();

    /// <summary>The camelCase name used in JSON and in index terms (<c>goodPractice</c>).</summary>
    public static string Name(ExchangeKind kind) => JsonName(kind.ToString());

    public static string Name(AdoptionStatus status) => JsonName(status.ToString());

    /// <summary>The kind named by its JSON name, in any case (<c>goodPractice</c>, <c>GOODPRACTICE</c>); numbers are not names.</summary>
    public static bool TryParseKind(string name, out ExchangeKind kind)
    {
        foreach (var candidate in Enum.GetValues<ExchangeKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static IndexTerm KindTerm(ExchangeKind kind) => new(Kind, Name(kind));

    public static IndexTerm StatusTerm(AdoptionStatus status) => new(Status, Name(status));

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
