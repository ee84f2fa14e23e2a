using Collaboration.Silo.Storage.Search;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>A posting list keeps its slots in order, and as bits while it holds at least one slot in 32 of its index.</summary>
public sealed class PostingListTests
{
    private static readonly IComparer<int> BySlot = Comparer<int>.Default;

    [Fact]
    public void AListKeepsBitsOnceDenseAnswersFromThemThroughAddsAndRemovesAndDropsThemOnceSparse()
    {
        var list = new PostingList();
        list.Add(5, BySlot, slots: 320);
        Assert.False(list.HasMembers);

        for (var slot = 10; slot < 100; slot += 10)
        {
            list.Add(slot, BySlot, slots: 320);
        }

        // Ten slots of 320: one in 32.
        Assert.True(list.HasMembers);
        Assert.True(list.Contains(5));
        Assert.True(list.Contains(90));
        Assert.False(list.Contains(91));
        Assert.False(list.Contains(100_000));

        // A slot beyond those the bits were made for, then one before the others (an insertion, not an append).
        list.Add(400, BySlot, slots: 401);
        list.Add(1, BySlot, slots: 401);
        list.Remove(90, BySlot);
        Assert.True(list.HasMembers);
        Assert.True(list.Contains(400));
        Assert.True(list.Contains(1));
        Assert.False(list.Contains(90));
        Assert.Equal([1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 400], list.Slots[..list.Count]);

        // The index grew past 64 times the list: the bits would cost more than the slots.
        list.Add(768, BySlot, slots: 769);
        Assert.False(list.HasMembers);
        Assert.Equal(12, list.Count);
    }
}
