namespace Collaboration.Grains.Municipalities;

/// <summary>How activity summaries name a partner: by its name, or by its id while it has none that is known.</summary>
public static class PartnerNames
{
    /// <summary>Names every partner by its id: for code that has no partners to look names up in.</summary>
    public static readonly Func<string, string> Ids = id => id;

    public static string Of(string id, string? name) => name is { Length: > 0 } ? name : id;

    /// <summary>A lookup of the partners' current names in <paramref name="partners"/>; an id it does not hold stays the id.</summary>
    public static Func<string, string> In(IReadOnlyDictionary<string, MunicipalitySummary> partners) =>
        id => Of(id, partners.TryGetValue(id, out var partner) ? partner.Profile.Name : null);
}
