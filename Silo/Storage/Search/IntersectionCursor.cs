namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// The documents in every one of several walks: the smallest leads, and each other one skips ahead to the document
/// the last one stopped at, until all stop at the same one. A dense posting list (one that keeps its slots as bits)
/// is not walked at all: it is asked whether it has each document the others agree on.
/// </summary>
internal sealed class IntersectionCursor : PostingCursor
{
    private readonly PostingCursor[] _parts;
    private readonly PostingList[] _filters;

    public IntersectionCursor(PostingCursor[] parts, WalkOrder order)
        : base(order)
    {
        var sorted = parts.OrderBy(p => p.Size).ToArray();
        Size = sorted[0].Size;
        // The leader is always walked; another part that is a dense list only filters what the walked ones agree on.
        _parts = [sorted[0], .. sorted.Skip(1).Where(p => !IsFilter(p))];
        _filters = [.. sorted.Skip(1).Where(IsFilter).Select(p => ((PostingListCursor)p).List)];
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

    private static bool IsFilter(PostingCursor part) => part is PostingListCursor { List.HasMembers: true };

    private void Align()
    {
        while (true)
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

            if (target == End || InEveryFilter(target))
            {
                Current = target;
                return;
            }

            // Every walked part is at the target; the leader moves on from it.
            _parts[0].MoveNext();
        }
    }

    private bool InEveryFilter(int slot)
    {
        foreach (var filter in _filters)
        {
            if (!filter.Contains(slot))
            {
                return false;
            }
        }

        return true;
    }
}
