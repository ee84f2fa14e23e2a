namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// A walk over a set of documents (slots) in a <see cref="WalkOrder"/>, each once, that can skip ahead: one posting
/// list, the union of several, or their intersection.
/// </summary>
internal abstract class PostingCursor(WalkOrder order)
{
    /// <summary>The value of <see cref="Current"/> once the walk has passed its last document.</summary>
    public const int End = -1;

    protected WalkOrder Order { get; } = order;

    /// <summary>The document the walk is at, or <see cref="End"/>.</summary>
    public int Current { get; protected set; } = End;

    /// <summary>At most how many documents the walk can give: what picks the cursor that leads an intersection.</summary>
    public abstract long Size { get; }

    /// <summary>Moves to the first document not before <paramref name="target"/>; stays when already there or past it.</summary>
    public abstract void SeekTo(int target);

    public abstract void MoveNext();
}
