namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// The documents in every one of several walks: the smallest leads, and each other one skips ahead to the document
/// the last one stopped at, until all stop at the same one.
/// </summary>
internal sealed class IntersectionCursor : PostingCursor
{
    private readonly PostingCursor[] _parts;

    public IntersectionCursor(PostingCursor[] parts, WalkOrder order)
        : base(order)
    {
        _parts = [.. parts.OrderBy(p => p.Size)];
        Size = _parts[0].Size;
        Align();
    }

    public override long Size { get; }

    public override void SeekTo(int target)
    {
        if (Current == End || Order.Compare(Current, target) >= 0)
        {
            return;
        }

        _parts[0].SeekTo(target);
        Align();
    }

    public override void MoveNext()
    {
        if (Current == End)
        {
            return;
        }

        _parts[0].MoveNext();
        Align();
    }

    private void Align()
    {
        var target = _parts[0].Current;
        var agreeing = 1;
        for (var i = 1; target != End && agreeing < _parts.Length; i++)
        {
            var part = _parts[i % _parts.Length];
            part.SeekTo(target);
            if (part.Current == target)
            {
                agreeing++;
            }
            else
            {
                target = part.Current;
                agreeing = 1;
            }
        }

        Current = target;
    }
}
