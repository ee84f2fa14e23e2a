using System.Text.RegularExpressions;

namespace Collaboration.Grains.Events;

/// <summary>Event ids are assigned by the server: "ev-" and a version 7 GUID, so that ids sort roughly by creation.</summary>
public static partial class EventIds
{
    public const string Prefix = "ev-";

    public static string New(DateTimeOffset now) => Prefix + Guid.CreateVersion7(now).ToString("N");

    /// <summary>Whether a client-supplied id can name an event at all; anything else is a 404 without touching storage.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^ev-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
