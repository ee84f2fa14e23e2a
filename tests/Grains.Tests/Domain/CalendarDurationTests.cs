using Collaboration.Grains.Domain.Eligibility;
using static Collaboration.Grains.Tests.Domain.ProjectBuilder;

namespace Collaboration.Grains.Tests.Domain;

public sealed class CalendarDurationTests
{
    [Fact]
    public void TwoCalendarYearsAreTwentyFourMonths()
    {
        var d = CalendarDuration.Between(Day(2017, 1, 1), Day(2018, 12, 31));

        Assert.Equal(new CalendarDuration(24, 0), d);
        Assert.True(d.IsAtMost(24));
        Assert.True(d.IsAtLeast(24));
        Assert.Equal("24 months", d.ToString());
    }

    [Fact]
    public void OneDayMoreIsTwentyFourMonthsAndOneDay()
    {
        var d = CalendarDuration.Between(Day(2017, 1, 1), Day(2019, 1, 1));

        Assert.Equal(new CalendarDuration(24, 1), d);
        Assert.False(d.IsAtMost(24));
        Assert.Equal("24 months and 1 day", d.ToString());
    }

    [Fact]
    public void OneDayShortOfAYearIsElevenMonthsAndThirtyDays()
    {
        var d = CalendarDuration.Between(Day(2025, 1, 1), Day(2025, 12, 30));

        Assert.Equal(new CalendarDuration(11, 30), d);
        Assert.False(d.IsAtLeast(12));
        Assert.True(d.IsAtMost(12));
    }

    [Fact]
    public void MidMonthStartCountsWholeMonthsToTheDayBefore()
    {
        Assert.Equal(new CalendarDuration(24, 0), CalendarDuration.Between(Day(2017, 1, 15), Day(2019, 1, 14)));
        Assert.Equal(new CalendarDuration(1, 0), CalendarDuration.Between(Day(2025, 2, 15), Day(2025, 3, 14)));
    }

    [Fact]
    public void ASingleDayIsOneDay()
    {
        var d = CalendarDuration.Between(Day(2017, 10, 12), Day(2017, 10, 12));

        Assert.Equal(new CalendarDuration(0, 1), d);
        Assert.Equal("1 day", d.ToString());
    }

    [Fact]
    public void FromTheLastDayOfJanuaryOneMonthEndsWithFebruary()
    {
        // DateOnly.AddMonths clamps: 31 January plus one month is 29 February 2024.
        Assert.Equal(new CalendarDuration(1, 0), CalendarDuration.Between(Day(2024, 1, 31), Day(2024, 2, 28)));
        Assert.Equal(new CalendarDuration(1, 1), CalendarDuration.Between(Day(2024, 1, 31), Day(2024, 2, 29)));
    }

    [Fact]
    public void LastDayBeforeFirstIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarDuration.Between(Day(2017, 1, 2), Day(2017, 1, 1)));
    }
}
