namespace Collaboration.Grains.Exchanges;

/// <summary>Sizes that keep one exchange, reply or adoption bounded; the API reports them in its validation errors.</summary>
public static class ExchangeLimits
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 2_000;
    public const int BodyMaxLength = 50_000;
    public const int MaxThemes = 10;
    public const int ThemeMaxLength = 60;
    public const int ReplyMaxLength = 10_000;
    public const int NoteMaxLength = 2_000;

    /// <summary>An adoption keeps this many most recent history entries; older ones are dropped (bounded grain state).</summary>
    public const int AdoptionHistoryCap = 100;

    public const int QueryMaxLength = 200;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>At most this many replies are assembled into one exchange's view; <c>replyCount</c> gives the total.</summary>
    public const int MaxRepliesInView = 500;
}
