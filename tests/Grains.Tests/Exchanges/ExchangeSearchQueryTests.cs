using Collaboration.Grains.Errors;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Tests.Exchanges;

public sealed class ExchangeSearchQueryTests
{
    [Fact]
    public void NoFilterAsksForTheNewestTwentyExchanges()
    {
        var query = ExchangeCatalog.BuildSearch(new ExchangeFilter(), limit: null, cursor: null);

        Assert.Equal("exchanges", query.Index);
        Assert.Empty(query.Terms);
        Assert.Null(query.Text);
        Assert.True(query.Descending);
        Assert.Equal(20, query.Limit);
        Assert.Null(query.After);
    }

    [Fact]
    public void EveryFilterBecomesATermNormalisedAsTheExchangePublishesIt()
    {
        var filter = new ExchangeFilter(Theme: " Urban  Mobility ", Country: "si", Author: "novo-mesto", ProjectId: "shelter", Kind: "LessonLearned", Q: "  partnership NGOs ");

        var query = ExchangeCatalog.BuildSearch(filter, limit: 5, cursor: null);

        Assert.Equal(
            [
                new IndexTerm("kind", "lessonLearned"),
                new IndexTerm("author", "novo-mesto"),
                new IndexTerm("country", "SI"),
                new IndexTerm("project", "shelter"),
                new IndexTerm("theme", "urban mobility"),
            ],
            query.Terms);
        Assert.Equal("partnership NGOs", query.Text);
        Assert.Equal(5, query.Limit);
    }

    [Fact]
    public void ACursorContinuesAfterItsPosition()
    {
        var cursor = PageCursor.Encode(new IndexCursor(1234, "ex-abc"));

        var query = ExchangeCatalog.BuildSearch(new ExchangeFilter(), limit: null, cursor);

        Assert.Equal(new IndexCursor(1234, "ex-abc"), query.After);
    }

    [Fact]
    public void BlankFiltersAreIgnored()
    {
        var query = ExchangeCatalog.BuildSearch(new ExchangeFilter("", " ", "", "", "", "   "), limit: null, cursor: "");

        Assert.Empty(query.Terms);
        Assert.Null(query.Text);
        Assert.Null(query.After);
    }

    [Fact]
    public void InvalidFiltersLimitAndCursorAreAllReportedByField()
    {
        var filter = new ExchangeFilter(
            Theme: new string('t', ExchangeLimits.ThemeMaxLength + 1),
            Country: "Slovenia",
            Author: "Novo Mesto",
            ProjectId: "../etc",
            Kind: "rumour",
            Q: new string('q', ExchangeLimits.QueryMaxLength + 1));

        var error = Assert.Throws<DomainValidationException>(() => ExchangeCatalog.BuildSearch(filter, limit: 101, cursor: "garbage!"));

        Assert.Equal(
            ["author", "country", "cursor", "kind", "limit", "projectId", "q", "theme"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void ALimitOutsideOneToAHundredIsRefused(int limit)
    {
        var error = Assert.Throws<DomainValidationException>(() => ExchangeCatalog.BuildSearch(new ExchangeFilter(), limit, cursor: null));

        Assert.Equal(["limit"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void TheLimitMayBeAnythingFromOneToAHundred(int limit)
    {
        Assert.Equal(limit, ExchangeCatalog.BuildSearch(new ExchangeFilter(), limit, cursor: null).Limit);
    }

    [Theory]
    [InlineData("\"; DROP TABLE exchanges; --")]
    [InlineData("title:x OR body:* NEAR(a b)")]
    [InlineData("<script>alert(1)</script>")]
    public void HostileSearchTextIsPassedOnAsTyped(string q)
    {
        Assert.Equal(q, ExchangeCatalog.BuildSearch(new ExchangeFilter(Q: q), limit: null, cursor: null).Text);
    }

    [Theory]
    [InlineData("OR migrants", "`OR` must stand between two words")]
    [InlineData("migrants OR", "`OR` must stand between two words")]
    [InlineData("' OR 1=1 --", "`OR` must stand between two words")]
    [InlineData("-tourism", "nothing to search for")]
    [InlineData("-\"local partnership\" -tourism", "nothing to search for")]
    [InlineData("integration OR -tourism", "cannot be one side of `OR`")]
    [InlineData("*", "no word to search for")]
    [InlineData("-\"", "no word to search for")]
    public void AMalformedSearchIsRefusedSayingWhatIsWrongAndHowToWriteIt(string q, string reason)
    {
        var error = Assert.Throws<DomainValidationException>(() => ExchangeCatalog.BuildSearch(new ExchangeFilter(Q: q), limit: null, cursor: null));

        Assert.Contains(reason, Assert.Single(error.Errors["q"]), StringComparison.Ordinal);
    }
}
