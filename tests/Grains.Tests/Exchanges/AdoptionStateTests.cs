using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Tests.Exchanges;

public sealed class AdoptionStateTests
{
    private static readonly DateTimeOffset Start = new(2018, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Key = "ex-1~kelme";

    private static AdoptionState Adoption() => new()
    {
        Exchange = new ExchangeReference("ex-1", ExchangeKind.GoodPractice, "Local partnership", "novo-mesto", "SI"),
        MunicipalityId = "kelme",
    };

    [Fact]
    public void AnAdoptionWithoutAStatusPublishesNothing()
    {
        Assert.Empty(Adoption().GetIndexEntries(Key));
        Assert.Null(Adoption().ToRecord());
    }

    [Fact]
    public void EachStepIsKeptWithItsNoteAndTimeAndTheStartStaysPut()
    {
        var adoption = Adoption();
        adoption.Record(AdoptionStatus.Interested, "We read about it.", Start);
        adoption.Record(AdoptionStatus.Adapting, null, Start.AddDays(30));
        adoption.Record(AdoptionStatus.Adapting, "Two NGOs signed.", Start.AddDays(40));

        var record = adoption.ToRecord()!;

        Assert.Equal(AdoptionStatus.Adapting, record.Status);
        Assert.Equal("Two NGOs signed.", record.Note);
        Assert.Equal(Start, record.Since);
        Assert.Equal(Start.AddDays(40), record.UpdatedAt);
        Assert.Equal(
            [
                new AdoptionHistoryEntry(AdoptionStatus.Interested, "We read about it.", Start),
                new AdoptionHistoryEntry(AdoptionStatus.Adapting, null, Start.AddDays(30)),
                new AdoptionHistoryEntry(AdoptionStatus.Adapting, "Two NGOs signed.", Start.AddDays(40)),
            ],
            record.History);
    }

    [Fact]
    public void TheHistoryKeepsOnlyTheMostRecentSteps()
    {
        var adoption = Adoption();
        for (var i = 0; i < ExchangeLimits.AdoptionHistoryCap + 25; i++)
        {
            adoption.Record(AdoptionStatus.Interested, $"note {i}", Start.AddMinutes(i));
        }

        var record = adoption.ToRecord()!;

        Assert.Equal(ExchangeLimits.AdoptionHistoryCap, record.History.Count);
        Assert.Equal("note 25", record.History[0].Note);
        Assert.Equal($"note {ExchangeLimits.AdoptionHistoryCap + 24}", record.History[^1].Note);
        Assert.Equal(Start, record.Since);
    }

    [Fact]
    public void ARecordIsACopyThatLaterStepsDoNotChange()
    {
        var adoption = Adoption();
        adoption.Record(AdoptionStatus.Interested, null, Start);
        var before = adoption.ToRecord()!;

        adoption.Record(AdoptionStatus.Adapting, null, Start.AddDays(1));

        Assert.Single(before.History);
    }

    [Fact]
    public void AnAdoptionIsIndexedByExchangeMunicipalityAndStatusInOrderOfItsStart()
    {
        var adoption = Adoption();
        adoption.Record(AdoptionStatus.Interested, null, Start);
        adoption.Record(AdoptionStatus.Implemented, null, Start.AddDays(90));

        var entry = Assert.Single(adoption.GetIndexEntries(Key));

        Assert.Equal(ExchangeIndex.Adoptions, entry.Index);
        Assert.Equal("ex-1~kelme", entry.DocumentId);
        Assert.Equal(Start.UtcTicks, entry.SortKey);
        Assert.Equal(
            [new IndexTerm("exchange", "ex-1"), new IndexTerm("municipality", "kelme"), new IndexTerm("status", "implemented")],
            entry.Terms);
    }
}
