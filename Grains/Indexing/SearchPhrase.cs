namespace Collaboration.Grains.Indexing;

/// <summary>
/// Words that must occur next to each other and in this order (a quoted phrase, or words joined by symbols such as
/// <c>Laragne-Montéglin</c>); a lone word is a phrase of one.
/// </summary>
public sealed record SearchPhrase(IReadOnlyList<SearchWord> Words)
{
    /// <summary>The phrase as it can be typed again: a lone word bare (the word OR quoted), several words in quotes.</summary>
    public override string ToString() =>
        Words.Count == 1 && Words[0].Text != SearchQuery.OrOperator ? Words[0].ToString() : "\"" + string.Join(' ', Words) + "\"";
}
