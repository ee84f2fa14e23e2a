using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Tests.Search;

public sealed class SearchQueryTests
{
    // The query as it can be typed again: groups and exclusions in order, phrases quoted, prefixes starred.
    private static string Parsed(string text) => SearchQuery.Parse(text).ToString();

    private static string Refusal(string text)
    {
        Assert.False(SearchQuery.TryParse(text, out var query, out var error));
        Assert.Null(query);
        return error;
    }

    [Fact]
    public void TheSheltersExampleParsesIntoAPhraseAnAlternativeAnExclusionAndAPrefix()
    {
        var query = SearchQuery.Parse("\"local partnership\" integration OR inclusion -tourism migr*");

        Assert.Equal(3, query.Groups.Count);
        Assert.Equal(["local", "partnership"], query.Groups[0].Single().Words.Select(w => w.Text));
        Assert.Equal(["integration", "inclusion"], query.Groups[1].Select(p => p.Words.Single().Text));
        Assert.Equal(new SearchWord("migr", IsPrefix: true), query.Groups[2].Single().Words.Single());
        Assert.Equal(new SearchWord("tourism", IsPrefix: false), query.Excluded.Single().Words.Single());
        Assert.Equal("\"local partnership\" integration OR inclusion migr* -tourism", query.ToString());
    }

    [Theory]
    [InlineData("integration migrants", "integration migrants")]
    [InlineData("a OR b c", "a OR b c")]
    [InlineData("a b OR c", "a b OR c")]
    [InlineData("a OR b OR c", "a OR b OR c")]
    [InlineData("\"local partnership\" OR NGOs", "\"local partnership\" OR NGOs")]
    public void OrBindsTheTwoPartsBesideItAndEverythingElseMustAllMatch(string text, string expected)
    {
        Assert.Equal(expected, Parsed(text));
    }

    [Fact]
    public void OrInLowerOrMixedCaseIsAWord()
    {
        Assert.Equal(["integration", "or", "inclusion"], SearchQuery.Parse("integration or inclusion").Groups.Select(g => g.Single().Words.Single().Text));
        Assert.Equal(["integration", "Or", "inclusion"], SearchQuery.Parse("integration Or inclusion").Groups.Select(g => g.Single().Words.Single().Text));
    }

    [Fact]
    public void AQuotedOrIsAWordToo()
    {
        Assert.Equal(["a", "OR", "b"], SearchQuery.Parse("a \"OR\" b").Groups.Select(g => g.Single().Words.Single().Text));
    }

    [Theory]
    [InlineData("\"local partnership", "\"local partnership\"")]
    [InlineData("migrants \"local", "migrants local")]
    [InlineData("\"local partnership\" \"", "\"local partnership\"")]
    public void AQuoteLeftOpenRunsToTheEndOfTheQuery(string text, string expected)
    {
        Assert.Equal(expected, Parsed(text));
    }

    [Theory]
    [InlineData("Laragne-Montéglin", "\"Laragne Montéglin\"")]
    [InlineData("e-mail", "\"e mail\"")]
    [InlineData("text:migrants", "\"text migrants\"")]
    [InlineData("kelme\u0000agree", "\"kelme agree\"")]
    public void WordsJoinedBySymbolsAreAPhrase(string text, string expected)
    {
        Assert.Equal(expected, Parsed(text));
    }

    [Theory]
    [InlineData("migr*", "migr*")]
    [InlineData("\"local partn\"*", "\"local partn*\"")]
    [InlineData("\"loc* partnership\"", "\"loc* partnership\"")]
    [InlineData("*migr", "migr")]
    [InlineData("migr *", "migr")]
    [InlineData("mi*gr", "\"mi* gr\"")]
    public void AStarRightAfterAWordMakesItAPrefixAndIsASeparatorElsewhere(string text, string expected)
    {
        Assert.Equal(expected, Parsed(text));
    }

    [Theory]
    [InlineData("integration -tourism", "integration -tourism")]
    [InlineData("-tourism integration", "integration -tourism")]
    [InlineData("integration -\"mass tourism\"", "integration -\"mass tourism\"")]
    [InlineData("integration - tourism", "integration tourism")]
    [InlineData("integration -", "integration")]
    [InlineData("integration -touri*", "integration -touri*")]
    public void AMinusStartingAWordOrPhraseExcludesItAndALoneMinusIsASeparator(string text, string expected)
    {
        Assert.Equal(expected, Parsed(text));
    }

    [Theory]
    [InlineData("NEAR(youth centre, 2)", "\"NEAR youth\" centre 2")]
    [InlineData("youth AND NOT centre", "youth AND NOT centre")]
    [InlineData("{youth} ^centre (x)", "youth centre x")]
    public void Fts5OperatorsAndBracketsArePlainWordsAndSeparators(string text, string expected)
    {
        Assert.Equal(expected, Parsed(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("-\"")]
    [InlineData(" - ")]
    [InlineData("\u0000\u0001\u001f")]
    [InlineData("\ud800")]
    public void TextWithoutAWordIsAnEmptyQuery(string text)
    {
        Assert.True(SearchQuery.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("OR integration")]
    [InlineData("integration OR")]
    [InlineData("integration OR OR inclusion")]
    [InlineData("OR")]
    [InlineData("* OR integration")]
    public void OrWithoutAWordOrPhraseOnEachSideIsRefused(string text)
    {
        Assert.Equal(SearchQuery.OrMisplacedMessage, Refusal(text));
    }

    [Theory]
    [InlineData("integration OR -tourism")]
    [InlineData("-tourism OR integration")]
    public void AnExclusionBesideOrIsRefused(string text)
    {
        Assert.Equal(SearchQuery.ExclusionBesideOrMessage, Refusal(text));
    }

    [Theory]
    [InlineData("-tourism")]
    [InlineData("-tourism -\"mass tourism\"")]
    public void AQueryOfExclusionsOnlyIsRefusedAsNothingToSearchFor(string text)
    {
        Assert.Equal(SearchQuery.OnlyExclusionsMessage, Refusal(text));
        Assert.Throws<ArgumentException>(() => SearchQuery.Parse(text));
    }

    [Fact]
    public void RepeatedPartsAreKeptOnce()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("Kelmė \"local partnership\" -tourism", 3000)));

        Assert.Equal("Kelmė \"local partnership\" -tourism", query.ToString());
    }

    [Fact]
    public void AMatchNeedsEveryGroupAndNoExclusion()
    {
        var query = SearchQuery.Parse("a OR b c -d");

        Assert.True(query.Matches(p => p.Words[0].Text is "b" or "c"));
        Assert.False(query.Matches(p => p.Words[0].Text is "a" or "b"));
        Assert.False(query.Matches(p => p.Words[0].Text is "a" or "c" or "d"));
    }

    [Fact]
    public void RandomTextNeverThrowsAnythingButAnArgumentExceptionWithAReason()
    {
        var random = new Random(16);
        const string Alphabet = "ab OR-\"*():\u0000\t\ud800é";
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            if (SearchQuery.TryParse(text, out var query, out var error))
            {
                Assert.Equal(query.ToString(), SearchQuery.Parse(query.ToString()).ToString());
            }
            else
            {
                Assert.NotEmpty(error);
            }
        }
    }
}
