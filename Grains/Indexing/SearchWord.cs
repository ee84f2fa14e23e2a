namespace Collaboration.Grains.Indexing;

/// <summary>
/// A word of a search as typed (each storage folds case and diacritics as it folds the documents' words): whole, or
/// the beginning of words when it was typed with a <c>*</c> right after it (<c>migr*</c>).
/// </summary>
public sealed record SearchWord(string Text, bool IsPrefix)
{
    public override string ToString() => IsPrefix ? Text + "*" : Text;
}
