using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Api.Security;

/// <summary>
/// Makes and hashes API keys. A key is 256 random bits, so a plain SHA-256 is enough to store it safely: there is
/// nothing to brute-force that a slow hash would protect (slow hashes are for low-entropy passwords).
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "col_";

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Generate() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="key"/> has the shape of a generated municipality key ("col_" and 43 base64url characters).</summary>
    public static bool IsWellFormed(string key) =>
        key.Length == Prefix.Length + 43
        && key.StartsWith(Prefix, StringComparison.Ordinal)
        && key.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlCharacters) is false;

    /// <summary>
    /// The hash of the request's bearer key, computed once per request: the rate limiter partitions by it before
    /// authentication, which then looks the key up by the same hash. Null without a bearer key.
    /// </summary>
    public static string? HashOfBearerKey(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(ApiKeys), out var cached))
        {
            return (string?)cached;
        }

        string? header = context.Request.Headers.Authorization;
        string? hash = null;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header["Bearer ".Length..].Trim() is { Length: > 0 } key)
        {
            hash = Hash(key);
        }

        context.Items[typeof(ApiKeys)] = hash;
        return hash;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
