using Collaboration.Grains.Errors;

namespace Collaboration.Api.Http;

/// <summary>Maps a stored record's version to an HTTP entity tag and reads <c>If-Match</c> as RFC 9110 (section 13.1.1) says.</summary>
public static class EntityTags
{
    private const string Field = "If-Match";

    public static string Format(string version) => $"\"{version}\"";

    /// <summary>
    /// The version a change must find, or null when the request sets no condition (no If-Match, or <c>*</c> on a
    /// resource that exists). <paramref name="currentVersion"/> is read only when the header lists several tags: the
    /// condition holds when any of them is the current version, and the grain then checks that one as it writes.
    /// </summary>
    /// <exception cref="DomainValidationException">The header is not <c>*</c> nor a list of quoted entity tags (400).</exception>
    /// <exception cref="PreconditionFailedException">No tag can match: only weak tags, or none is current (412).</exception>
    public static async Task<string?> RequiredVersionAsync(HttpRequest request, Func<Task<string?>> currentVersion)
    {
        if (Parse(request.Headers.IfMatch.ToString()) is not { } tags)
        {
            return null;
        }

        // A change compares strongly: a weak tag (W/"...") never matches.
        var strong = tags.Where(t => !t.Weak).Select(t => t.Opaque).Distinct(StringComparer.Ordinal).ToList();
        if (strong.Count == 0)
        {
            throw new PreconditionFailedException(
                $"{Field} lists only weak entity tags (W/\"...\"), which never match for a change; send the ETag as it was read.");
        }

        if (strong.Count == 1)
        {
            return strong[0];
        }

        var current = await currentVersion();
        return current is not null && strong.Contains(current, StringComparer.Ordinal)
            ? current
            : throw new PreconditionFailedException($"None of the {strong.Count} entity tags in {Field} is the current version; read the resource again.");
    }

    /// <summary>The tags of the header, or null for none or <c>*</c>.</summary>
    public static IReadOnlyList<(bool Weak, string Opaque)>? Parse(string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (header.Trim() == "*")
        {
            return null;
        }

        // #entity-tag: a comma-separated list (empty elements allowed); entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE.
        var tags = new List<(bool, string)>();
        var i = 0;
        while (i < header.Length)
        {
            if (header[i] is ' ' or '\t' or ',')
            {
                i++;
                continue;
            }

            var weak = string.CompareOrdinal(header, i, "W/", 0, 2) == 0;
            var start = weak ? i + 2 : i;
            if (start >= header.Length || header[start] != '"')
            {
                throw Malformed();
            }

            var end = start + 1;
            while (end < header.Length && IsEtagChar(header[end]))
            {
                end++;
            }

            if (end >= header.Length || header[end] != '"')
            {
                throw Malformed();
            }

            tags.Add((weak, header[(start + 1)..end]));
            i = end + 1;
            while (i < header.Length && header[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < header.Length && header[i] != ',')
            {
                throw Malformed();
            }
        }

        return tags.Count > 0 ? tags : throw Malformed();
    }

    // etagc = %x21 / %x23-7E / obs-text: any visible character but the double quote.
    private static bool IsEtagChar(char c) => c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);

    private static DomainValidationException Malformed() => new(
        Field,
        $"Must be * or one or more entity tags in double quotes, separated by commas, as the ETag header gave them (e.g. If-Match: \"3f2a\").");
}
