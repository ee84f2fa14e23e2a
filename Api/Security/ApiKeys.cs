using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
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

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

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

    /// <summary>The lower-case hex SHA-256 of the key's UTF-8 bytes; runs on every request, so it allocates only its answer.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[512];
            var written = Encoding.UTF8.GetBytes(key, bytes);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Compares two hashes in constant time (for equal lengths; every hash has the same length).</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(a.AsSpan()), MemoryMarshal.AsBytes(b.AsSpan()));
}
