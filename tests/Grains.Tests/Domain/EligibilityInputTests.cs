using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;

namespace Collaboration.Grains.Tests.Domain;

/// <summary>When one evaluation may stand for another: the same facts, lists compared element by element.</summary>
public sealed class EligibilityInputTests
{
    [Fact]
    public void TwoInputsBuiltApartFromTheSameFactsHaveTheSameFacts()
    {
        Assert.True(Input().HasSameFactsAs(Input()));
    }

    [Fact]
    public void AnotherParticipationCountIsAnotherFact()
    {
        var changed = Input(invitedFromKelme: 13);

        Assert.False(Input().HasSameFactsAs(changed));
    }

    [Fact]
    public void APartnerInAnotherCountryIsAnotherFact()
    {
        var changed = Input() with { Partners = [new("canepina", "IT"), new("novo-mesto", "HR"), new("kelme", "LT")] };

        Assert.False(Input().HasSameFactsAs(changed));
    }

    [Fact]
    public void OneEventMoreOrLessOrMovedIsAnotherFact()
    {
        var input = Input();
        var fewer = input with { Events = input.Events.Take(1).ToList() };
        var moved = input with { Events = [input.Events[0], input.Events[1] with { EndDate = input.Events[1].EndDate.AddDays(1) }] };

        Assert.False(input.HasSameFactsAs(fewer));
        Assert.False(input.HasSameFactsAs(moved));
        Assert.False(input.HasSameFactsAs(input with { CallYear = 2019 }));
    }

    private static EligibilityInput Input(int invitedFromKelme = 12) => new(
        Programme.EuropeForCitizens,
        Measure.NetworkOfTowns,
        2017,
        new DateOnly(2017, 1, 1),
        new DateOnly(2018, 12, 31),
        [new("canepina", "IT"), new("novo-mesto", "SI"), new("kelme", "LT")],
        [
            new("conference", new DateOnly(2017, 10, 12), new DateOnly(2017, 10, 16), "IT",
                [new("canepina", "IT", 40, Invited: false), new("kelme", "LT", invitedFromKelme, Invited: true)]),
            new("workshop", new DateOnly(2018, 3, 5), new DateOnly(2018, 3, 6), "SI", [new("novo-mesto", "SI", 25, Invited: false)]),
        ]);
}
