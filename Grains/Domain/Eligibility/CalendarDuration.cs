namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>
/// A project's length as whole calendar months plus left-over days, from its first day to the day after its
/// last: 2017-01-01 to 2018-12-31 is 24 months; to 2019-01-01 it is 24 months and 1 day.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.CalendarDuration")]
public sealed record CalendarDuration(int Months, int Days)
{
    /// <summary>The duration of the days <paramref name="first"/> to <paramref name="last"/>, both included; <paramref name="last"/> must not precede <paramref name="first"/>.</summary>
    public static CalendarDuration Between(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"The last day precedes the first ({first:yyyy-MM-dd}).");
        }

        var end = last.AddDays(1);
        var months = ((end.Year - first.Year) * 12) + end.Month - first.Month;

        // AddMonths clamps to the month's end, so step back until the month boundary is not past the end.
        while (first.AddMonths(months) > end)
        {
            months--;
        }

        return new CalendarDuration(months, end.DayNumber - first.AddMonths(months).DayNumber);
    }

    public bool IsAtMost(int months) => Months < months || (Months == months && Days == 0);

    public bool IsAtLeast(int months) => Months >= months;

    public override string ToString() => (Months, Days) switch
    {
        (0, _) => Plural(Days, "day"),
        (_, 0) => Plural(Months, "month"),
        _ => $"{Plural(Months, "month")} and {Plural(Days, "day")}",
    };

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
