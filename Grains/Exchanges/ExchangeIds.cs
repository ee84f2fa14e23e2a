using System.Text.RegularExpressions;

namespace Collaboration.Grains.Exchanges;

/// <summary>Keys of the exchange grains: server-assigned ids for exchanges and replies, and the adoption key.</summary>
public static partial class ExchangeIds
{
    public const string ExchangePrefix = "ex-";

    public const string ReplyPrefix = "re-";

    public static string NewExchangeId() => ExchangePrefix + Guid.CreateVersion7().ToString("N");

    public static string NewReplyId() => ReplyPrefix + Guid.CreateVersion7().ToString("N");

    /// <summary>The key of the adoption of <paramref name="exchangeId"/> by <paramref name="municipalityId"/>; '~' occurs in neither.</summary>
    public static string AdoptionKey(string exchangeId, string municipalityId) => exchangeId + "~" + municipalityId;

    /// <summary>The parts of an adoption key, or null when it is not one.</summary>
    public static (string ExchangeId, string MunicipalityId)? ParseAdoptionKey(string key)
    {
        var separator = key.IndexOf('~', StringComparison.Ordinal);
        return separator > 0 && separator < key.Length - 1 ? (key[..separator], key[(separator + 1)..]) : null;
    }

    /// <summary>True for ids this server hands out, so that a made-up id is answered 404 without activating a grain.</summary>
    public static bool IsExchangeId(string? id) => id is not null && ExchangeIdPattern().IsMatch(id);

    public static bool IsReplyId(string? id) => id is not null && ReplyIdPattern().IsMatch(id);

    [GeneratedRegex("^ex-[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExchangeIdPattern();

    [GeneratedRegex("^re-[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyIdPattern();
}
