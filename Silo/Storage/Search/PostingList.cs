namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// The documents (slots of a <see cref="SearchIndex"/>) having one word or term, kept in the index's order
/// (sort key, then document id), oldest first. New documents are mostly the newest, so most additions append.
/// A list holding at least one slot in <see cref="DenseFraction"/> of the index also keeps its slots as bits, so
/// that an intersection asks it whether it has a document in one step instead of skipping through it.
/// </summary>
internal sealed class PostingList
{
    /// <summary>
    /// From this share of the index's slots on (one in 32), the bits (one per slot of the index) take no more room
    /// than the list's own slots (32 bits each).
    /// </summary>
    public const int DenseFraction = 32;

    private int[] _slots = [];
    private ulong[]? _members;

    public int Count { get; private set; }

    /// <summary>The slots, in order, in the first <see cref="Count"/> places; valid until the list next changes.</summary>
    public int[] Slots => _slots;

    /// <summary>Whether <see cref="Contains"/> can answer: the list is dense enough to keep its slots as bits.</summary>
    public bool HasMembers => _members is not null;

    /// <param name="slots">How many slots the index has: what decides whether the list is dense.</param>
    public void Add(int slot, IComparer<int> order, int slots)
    {
        if (Count == 0 || order.Compare(_slots[Count - 1], slot) < 0)
        {
            Grow();
            _slots[Count++] = slot;
        }
        else
        {
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

        if (_members is not null && (long)Count * DenseFraction * 2 < slots)
        {
            // Dense while the index was small, sparse since it grew: the bits would cost more than they save.
            _members = null;
        }
        else if (_members is not null)
        {
            SetMember(slot);
        }
        else if ((long)Count * DenseFraction >= slots)
        {
            _members = new ulong[(slots + 63) / 64];
            for (var i = 0; i < Count; i++)
            {
                SetMember(_slots[i]);
            }
        }
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
        // The bits stay once made: a list that was dense seldom shrinks far, and the bits stay right either way.
        if (_members is not null)
        {
            _members[slot >> 6] &= ~(1UL << slot);
        }
    }

    /// <summary>Whether the list has the slot; only when <see cref="HasMembers"/>.</summary>
    public bool Contains(int slot)
    {
        var members = _members!;
        var word = slot >> 6;
        return (uint)word < (uint)members.Length && (members[word] & (1UL << slot)) != 0;
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

    public long Bytes => 40 + (long)_slots.Length * sizeof(int) + (_members is null ? 0 : 24 + (long)_members.Length * sizeof(ulong));

    private void SetMember(int slot)
    {
        var word = slot >> 6;
        if (word >= _members!.Length)
        {
            // The index grew past the slots the bits were made for.
            Array.Resize(ref _members, Math.Max(word + 1, _members.Length * 2));
        }

        _members[word] |= 1UL << slot;
    }

    private void Grow()
    {
        if (Count == _slots.Length)
        {
            // A quarter more: most lists are short and long ones grow slowly, so little room is left unused.
            Array.Resize(ref _slots, Math.Max(4, _slots.Length + Math.Max(4, _slots.Length / 4)));
        }
    }
}
