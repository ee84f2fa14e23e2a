namespace Collaboration.Silo.Storage.Search;

/// <summary>The documents of one <see cref="PostingList"/> from a position, skipping ahead by galloping.</summary>
internal sealed class PostingListCursor : PostingCursor
{
    private readonly PostingList _list;
    private readonly int _step;
    private int _position;

    /// <param name="position">The first position to give (the last one when descending).</param>
    public PostingListCursor(PostingList list, int position, WalkOrder order)
        : base(order)
    {
        _list = list;
        _step = order.Descending ? -1 : 1;
        _position = position;
        Current = InList(position) ? list[position] : End;
    }

    public override long Size => _list.Count;

    public override void SeekTo(int target)
    {
        if (Current == End || Order.Compare(Current, target) >= 0)
        {
            return;
        }

        // Positions ahead of the current one, counted in steps: the one at `before` comes before the target, the one
        // at `notBefore` does not (or is past the list's end). Galloping keeps a skip close to the length skipped.
        var remaining = _step > 0 ? _list.Count - _position : _position + 1;
        int before = 0, notBefore = 1;
        while (notBefore < remaining && Order.Compare(_list[_position + _step * notBefore], target) < 0)
        {
            before = notBefore;
            notBefore *= 2;
        }

        notBefore = Math.Min(notBefore, remaining);
        while (before + 1 < notBefore)
        {
            var middle = (before + notBefore) >>> 1;
            if (Order.Compare(_list[_position + _step * middle], target) < 0)
            {
                before = middle;
            }
            else
            {
                notBefore = middle;
            }
        }

        _position += _step * notBefore;
        Current = InList(_position) ? _list[_position] : End;
    }

    public override void MoveNext()
    {
        if (Current == End)
        {
            return;
        }

        _position += _step;
        Current = InList(_position) ? _list[_position] : End;
    }

    private bool InList(int position) => position >= 0 && position < _list.Count;
}
