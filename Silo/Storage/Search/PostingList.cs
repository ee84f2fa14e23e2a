namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// The documents (slots of a <see cref="SearchIndex"/>) having one word or term, kept in the index's order
/// (sort key, then document id), oldest first. New documents are mostly the newest, so most additions append.
/// </summary>
internal sealed class PostingList
{
    private int[] _slots = [];

    public int Count { get; private set; }

    /// <summary>The slots, in order, in the first <see cref="Count"/> places; valid until the list next changes.</summary>
    public int[] Slots => _slots;

    public void Add(int slot, IComparer<int> order)
    {
        if (Count == 0 || order.Compare(_slots[Count - 1], slot) < 0)
        {
            Grow();
            _slots[Count++] = slot;
            return;
        }

        var position = Array.BinarySearch(_slots, 0, Count, slot, order);
        if (position >= 0)
        {
            return;
        }

        position = ~position;
        Grow();
        Array.Copy(_slots, position, _slots, position + 1, Count - position);
        _slots[position] = slot;
        Count++;
    }

    public void Remove(int slot, IComparer<int> order)
    {
        var position = Array.BinarySearch(_slots, 0, Count, slot, order);
        if (position < 0)
        {
            return;
        }

        Array.Copy(_slots, position + 1, _slots, position, Count - position - 1);
        Count--;
    }

    /// <summary>The position of the first document after the given one in the index's order (Count when none).</summary>
    public int FirstAfter(Func<int, int> compareWithCursor)
    {
        // compareWithCursor(slot) < 0 when the slot's document comes before the cursor.
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (compareWithCursor(_slots[middle]) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The position of the first document not before the given one (Count when none).</summary>
    public int FirstNotBefore(Func<int, int> compareWithCursor)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (compareWithCursor(_slots[middle]) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Releases the spare room of a list filled at start.</summary>
    public void Trim()
    {
        if (_slots.Length > Count)
        {
            Array.Resize(ref _slots, Count);
        }
    }

    public long Bytes => 32 + (long)_slots.Length * sizeof(int);

    private void Grow()
    {
        if (Count == _slots.Length)
        {
            // A quarter more: most lists are short and long ones grow slowly, so little room is left unused.
            Array.Resize(ref _slots, Math.Max(4, _slots.Length + Math.Max(4, _slots.Length / 4)));
        }
    }
}
