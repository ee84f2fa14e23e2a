using System.Text.RegularExpressions;

namespace Collaboration.Grains.Domain;

/// <summary>
/// The id rule of the API contract for ids chosen by their creator (municipalities, projects): 1 to 64 lower-case
/// letters, digits and inner hyphens. <c>\z</c>, not <c>$</c>, which would let a trailing newline through.
/// </summary>
public static partial class Slug
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
