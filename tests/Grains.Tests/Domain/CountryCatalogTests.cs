using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Countries;

namespace Collaboration.Grains.Tests.Domain;

public sealed class CountryCatalogTests
{
    private static readonly CountryCatalog Catalog = CountryCatalog.Default;

    [Theory]
    [InlineData("LT", "Lithuania")] // Kelmė
    [InlineData("SI", "Slovenia")]
    [InlineData("IT", "Italy")]
    [InlineData("ME", "Montenegro")]
    [InlineData("MK", "North Macedonia")]
    [InlineData("CZ", "Czechia")]
    [InlineData("FR", "France")]
    [InlineData("XK", "Kosovo")]
    [InlineData("GB", "United Kingdom")]
    [InlineData("TR", "Türkiye")]
    [InlineData("BA", "Bosnia and Herzegovina")]
    public void EnglishNameIsTheFundersShortName(string code, string name)
    {
        Assert.Equal(name, Catalog.EnglishName(code));
    }

    [Fact]
    public void KelmesLithuaniaIsAnEuMemberSince2004()
    {
        Assert.True(Catalog.TryGet("LT", out var lithuania));
        Assert.Equal("Lithuania", lithuania.Name);
        Assert.False(Catalog.IsEuMember("LT", new DateOnly(2004, 4, 30)));
        Assert.True(Catalog.IsEuMember("LT", new DateOnly(2004, 5, 1)));
        Assert.True(Catalog.IsEligible("LT", Programme.EuropeForCitizens, new DateOnly(2017, 1, 1)));
    }

    [Fact]
    public void UnitedKingdomIsAMemberOnItsLastDayAndNotTheDayAfter()
    {
        Assert.True(Catalog.IsEuMember("GB", new DateOnly(2020, 1, 31)));
        Assert.False(Catalog.IsEuMember("GB", new DateOnly(2020, 2, 1)));
        Assert.True(Catalog.IsEuMember("GB", new DateOnly(1973, 1, 1)));
        Assert.False(Catalog.IsEuMember("GB", new DateOnly(1972, 12, 31)));
    }

    [Fact]
    public void UnitedKingdomIsEligibleForEuropeForCitizensOnlyWhileAMember()
    {
        Assert.True(Catalog.IsEligible("GB", Programme.EuropeForCitizens, new DateOnly(2020, 1, 31)));
        Assert.False(Catalog.IsEligible("GB", Programme.EuropeForCitizens, new DateOnly(2020, 2, 1)));
    }

    [Fact]
    public void CroatiaBecomesAMemberOnTheFirstOfJuly2013()
    {
        Assert.False(Catalog.IsEuMember("HR", new DateOnly(2013, 6, 30)));
        Assert.True(Catalog.IsEuMember("HR", new DateOnly(2013, 7, 1)));
        Assert.False(Catalog.IsEligible("HR", Programme.EuropeForCitizens, new DateOnly(2013, 6, 30)));
        Assert.True(Catalog.IsEligible("HR", Programme.EuropeForCitizens, new DateOnly(2013, 7, 1)));
    }

    [Theory]
    [InlineData("XK")]
    [InlineData("AL")]
    [InlineData("BA")]
    [InlineData("MK")]
    [InlineData("ME")]
    [InlineData("RS")]
    public void WesternBalkansCountriesAreEligibleForEuropeForCitizensWithoutBeingMembers(string code)
    {
        var start = new DateOnly(2017, 1, 1);
        Assert.True(Catalog.IsEligible(code, Programme.EuropeForCitizens, start));
        Assert.False(Catalog.IsEuMember(code, start));
    }

    [Theory]
    [InlineData("CH")]
    [InlineData("NO")]
    [InlineData("UA")]
    [InlineData("TR")]
    [InlineData("RU")]
    public void OtherEuropeanCountriesAreNotEligibleForEuropeForCitizens(string code)
    {
        Assert.True(Catalog.IsKnown(code));
        Assert.False(Catalog.IsEligible(code, Programme.EuropeForCitizens, new DateOnly(2017, 1, 1)));
    }

    [Fact]
    public void UkraineIsEligibleForCervOnlyOnceAssociated()
    {
        Assert.False(Catalog.IsEligible("UA", Programme.Cerv, new DateOnly(2023, 12, 31)));
        Assert.True(Catalog.IsEligible("UA", Programme.Cerv, new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void MontenegroIsNotRecordedAsAssociatedToCerv()
    {
        Assert.False(Catalog.IsEligible("ME", Programme.Cerv, new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void EveryCurrentMemberStateIsEligibleForCerv()
    {
        var day = new DateOnly(2025, 6, 1);
        var members = Catalog.Countries.Where(c => c.IsEuMember(day)).ToList();

        Assert.Equal(27, members.Count);
        Assert.All(members, c => Assert.True(Catalog.IsEligible(c.Code, Programme.Cerv, day), c.Code));
    }

    [Fact]
    public void TwentyEightCountriesHaveEverBeenMembers()
    {
        Assert.Equal(28, Catalog.Countries.Count(c => c.EuMembership.Count > 0));
    }

    [Fact]
    public void OtherProgrammeAcceptsAnyKnownCountry()
    {
        Assert.True(Catalog.IsEligible("CH", Programme.Other, new DateOnly(2024, 1, 1)));
        Assert.False(Catalog.IsEligible("ZZ", Programme.Other, new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void UnknownCodeIsNeitherKnownNorMemberNorEligible()
    {
        var day = new DateOnly(2017, 1, 1);

        Assert.False(Catalog.IsKnown("ZZ"));
        Assert.False(Catalog.TryGet("ZZ", out _));
        Assert.False(Catalog.IsEuMember("ZZ", day));
        Assert.False(Catalog.IsEligible("ZZ", Programme.EuropeForCitizens, day));
        Assert.False(Catalog.IsKnown(null));
        Assert.False(Catalog.IsKnown(""));
        Assert.False(Catalog.IsKnown("UK")); // the United Kingdom is GB
        Assert.Throws<KeyNotFoundException>(() => Catalog.EnglishName("ZZ"));
    }

    [Fact]
    public void LookupIgnoresCaseAndSurroundingSpaces()
    {
        Assert.True(Catalog.TryGet(" si ", out var slovenia));
        Assert.Equal("SI", slovenia.Code);
    }

    [Fact]
    public void CodesAreUniqueUpperCaseAlpha2()
    {
        Assert.All(Catalog.Countries, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.Equal(Catalog.Countries.Count, Catalog.Countries.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void CatalogDocumentsItsCervAssumptions()
    {
        var cerv = Assert.Single(Catalog.Programmes, p => p.Programme == Programme.Cerv);
        Assert.NotEmpty(cerv.Notes);
        Assert.Equal("Europe for Citizens", Catalog.ProgrammeName(Programme.EuropeForCitizens));
    }

    [Fact]
    public void DuplicateCodesAreRejected()
    {
        const string json = """
            {
              "programmes": [
                { "programme": "europeForCitizens", "name": "Europe for Citizens", "euMemberStatesEligible": true },
                { "programme": "cerv", "name": "CERV", "euMemberStatesEligible": true }
              ],
              "countries": [ { "code": "SI", "name": "Slovenia" }, { "code": "SI", "name": "Slovenia" } ]
            }
            """;

        var e = Assert.Throws<InvalidDataException>(() => CountryCatalog.Parse(json));
        Assert.Contains("'SI' is listed twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MembershipEndingBeforeItStartsIsRejected()
    {
        const string json = """
            {
              "programmes": [
                { "programme": "europeForCitizens", "name": "Europe for Citizens", "euMemberStatesEligible": true },
                { "programme": "cerv", "name": "CERV", "euMemberStatesEligible": true }
              ],
              "countries": [ { "code": "GB", "name": "United Kingdom", "euMembership": [ { "from": "2020-02-01", "to": "2020-01-31" } ] } ]
            }
            """;

        Assert.Throws<InvalidDataException>(() => CountryCatalog.Parse(json));
    }

    [Fact]
    public void UnknownFieldsAndProgrammesAreRejected()
    {
        const string misspelt = """
            { "programmes": [], "countries": [ { "code": "SI", "name": "Slovenia", "euMembrship": [] } ] }
            """;
        const string unknownProgramme = """
            { "programmes": [ { "programme": "erasmus", "name": "Erasmus+", "euMemberStatesEligible": true } ], "countries": [] }
            """;

        var e = Assert.Throws<InvalidDataException>(() => CountryCatalog.Parse(misspelt));
        Assert.Contains("euMembrship", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => CountryCatalog.Parse(unknownProgramme));
    }
}
