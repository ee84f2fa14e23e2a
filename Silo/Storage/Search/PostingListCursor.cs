namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// The documents of one <see cref="PostingList"/> from a position, skipping ahead by galloping. The list must not
/// change while the cursor walks it (queries hold the indexes' read lock).
/// </summary>
internal sealed class PostingListCursor : PostingCursor
{
    private readonly int[] _slots;
    private readonly int _count;
    private readonly int _step;
    private int _position;

    /// <param name="position">The first position to give (the last one when descending).</param>
    public PostingListCursor(PostingList list, int position, WalkOrder order)
        : base(order)
    {
        List = list;
        _slots = list.Slots;
        _count = list.Count;
        _step = order.Descending ? -1 : 1;
        _position = position;
        Current = InList(position) ? _slots[position] : End;
    }

    /// <summary>The list walked: an intersection asks a dense one whether it has a document instead of walking it.</summary>
    public PostingList List { get; }

    public override long Size => _count;

    public override void SeekTo(int target)
    {
        if (Current == End)
        {
            return;
        }

        var targetSortKey = Order.SortKey(target);
        if (!Order.Before(Current, target, targetSortKey))
        {
            return;
        }

        // Positions ahead of the current one, counted in steps: the one at `before` comes before the target, the one
        // at `notBefore` does not (or is past the list's end). Galloping keeps a skip close to the length skipped.
        var remaining = _step > 0 ? _count - _position : _position + 1;
        int before = 0, notBefore = 1;
        while (notBefore < remaining && Order.Before(_slots[_position + _step * notBefore], target, targetSortKey))
        {
            before = notBefore;
            notBefore *= 2;
        }

        notBefore = Math.Min(notBefore, remaining);
        while (before + 1 < notBefore)
        {
            var middle = (before + notBefore) >>> 1;
            if (Order.Before(_slots[_position + _step * middle], target, targetSortKey))
            {
                before = middle;
            }
            else
            {
                notBefore = middle;
            }
        }

        _position += _step * notBefore;
        Current = InList(_position) ? _slots[_position] : End;
    }

    public override void MoveNext()
    {
        if (Current == End)
        {
            return;
        }

        _position += _step;
        Current = InList(_position) ? _slots[_position] : End;
    }

    private bool InList(int position) => position >= 0 && position < _count;
}
