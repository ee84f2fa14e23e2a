namespace Collaboration.Silo.Storage.Search;

/// <summary>The documents in any of several walks (the words of a prefix, the phrases of an OR), each once.</summary>
internal sealed class UnionCursor : PostingCursor
{
    private readonly PostingCursor[] _parts;

    public UnionCursor(PostingCursor[] parts, WalkOrder order)
        : base(order)
    {
        _parts = parts;
        foreach (var part in parts)
        {
            Size += part.Size;
        }

        TakeFirst();
    }

    public override long Size { get; }

    public override void SeekTo(int target)
    {
        if (Current == End || Order.Compare(Current, target) >= 0)
        {
            return;
        }

        foreach (var part in _parts)
        {
            part.SeekTo(target);
        }

        TakeFirst();
    }

    public override void MoveNext()
    {
        if (Current == End)
        {
            return;
        }

        // A document in several of the parts is given once.
        var current = Current;
        foreach (var part in _parts)
        {
            if (part.Current == current)
            {
                part.MoveNext();
            }
        }

        TakeFirst();
    }

    private void TakeFirst()
    {
        var first = End;
        foreach (var part in _parts)
        {
            var slot = part.Current;
            if (slot != End && (first == End || Order.Compare(slot, first) < 0))
            {
                first = slot;
            }
        }

        Current = first;
    }
}
