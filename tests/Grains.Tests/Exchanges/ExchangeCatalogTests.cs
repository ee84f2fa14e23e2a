using Collaboration.Grains.Errors;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Tests.Exchanges.Support;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Exchanges;

[Collection(GrainCluster.Collection)]
public sealed class ExchangeCatalogTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly ExchangeSilo _silo = new(cluster);

    private string NovoMesto => _silo.Id("novo-mesto");

    private string Canepina => _silo.Id("canepina");

    private string Gallese => _silo.Id("gallese");

    private string Kelme => _silo.Id("kelme");

    private string Shelter => _silo.Id("shelter");

    private string Atlantis => _silo.Id("atlantis");

    public async Task InitializeAsync()
    {
        await _silo.AddMunicipalityAsync(NovoMesto, "SI");
        await _silo.AddMunicipalityAsync(Canepina, "IT");
        await _silo.AddMunicipalityAsync(Gallese, "IT");
        await _silo.AddMunicipalityAsync(Kelme, "LT");
        await _silo.AddProjectAsync(Shelter, Canepina, Gallese, NovoMesto, Kelme);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task<ExchangeRecord> PostAsync(
        string author,
        string title,
        ExchangeKind kind = ExchangeKind.GoodPractice,
        string[]? themes = null,
        string? body = null,
        string? projectId = null)
    {
        _silo.Clock.Advance(TimeSpan.FromMinutes(1));
        return await _silo.PostAsync(author, title, kind, themes, body: body, projectId: projectId);
    }

    private async Task<List<string>> TitlesAsync(ExchangeFilter filter) =>
        (await _silo.Catalog.SearchAsync(filter, limit: 100)).Items.Select(i => i.Title).ToList();

    [Fact]
    public async Task ExchangesAreListedNewestFirstWithoutTheirBodies()
    {
        await PostAsync(Canepina, "First");
        await PostAsync(Kelme, "Second");
        var third = await PostAsync(NovoMesto, "Third", body: "A long body");

        var page = await _silo.Catalog.SearchAsync(new ExchangeFilter());

        Assert.Equal(["Third", "Second", "First"], page.Items.Select(i => i.Title));
        Assert.Equal(third.ToListItem() with { Themes = page.Items[0].Themes }, page.Items[0]);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task EachFilterNarrowsTheListAndFiltersCombine()
    {
        await PostAsync(Canepina, "Hosting families", themes: ["Integration", "housing"], projectId: Shelter);
        await PostAsync(Gallese, "Volunteer desk", kind: ExchangeKind.LessonLearned, themes: ["volunteering"]);
        await PostAsync(NovoMesto, "NGO charter", themes: ["integration"], projectId: Shelter);
        await PostAsync(Kelme, "Who funds NGOs?", kind: ExchangeKind.Question, themes: ["funding"]);

        Assert.Equal(["NGO charter", "Hosting families"], await TitlesAsync(new ExchangeFilter(Theme: "INTEGRATION")));
        Assert.Equal(["Volunteer desk", "Hosting families"], await TitlesAsync(new ExchangeFilter(Country: "it")));
        Assert.Equal(["Volunteer desk"], await TitlesAsync(new ExchangeFilter(Author: Gallese)));
        Assert.Equal(["NGO charter", "Hosting families"], await TitlesAsync(new ExchangeFilter(ProjectId: Shelter)));
        Assert.Equal(["Who funds NGOs?"], await TitlesAsync(new ExchangeFilter(Kind: "question")));
        Assert.Equal(["Hosting families"], await TitlesAsync(new ExchangeFilter(Theme: "integration", Country: "IT")));
        Assert.Empty(await TitlesAsync(new ExchangeFilter(Author: Kelme, Kind: "goodPractice")));
    }

    [Fact]
    public async Task SearchFindsEveryWordInTitleSummaryOrBodyIgnoringCaseAndAWordWithAStarAsAPrefix()
    {
        await PostAsync(Kelme, "Youth centre", body: "Volunteers meet every Thursday.");
        await PostAsync(Canepina, "Accoglienza diffusa", body: "Famiglie ospitano rifugiati.");
        await PostAsync(NovoMesto, "NGO charter");

        Assert.Equal(["Youth centre"], await TitlesAsync(new ExchangeFilter(Q: "THURSDAY volunteers")));
        Assert.Equal(["Accoglienza diffusa"], await TitlesAsync(new ExchangeFilter(Q: "rifug*")));
        Assert.Empty(await TitlesAsync(new ExchangeFilter(Q: "rifug")));
        Assert.Equal(["NGO charter", "Accoglienza diffusa", "Youth centre"], await TitlesAsync(new ExchangeFilter(Q: "town")));
        Assert.Empty(await TitlesAsync(new ExchangeFilter(Q: "youth charter")));
        Assert.Equal(["Youth centre"], await TitlesAsync(new ExchangeFilter(Q: "thurs* volunteers")));
    }

    [Fact]
    public async Task SearchIgnoresDiacriticsInTheTextAndInTheQuery()
    {
        await PostAsync(Kelme, "Kelmė youth centre");
        await PostAsync(Canepina, "Accoglienza diffusa", body: "Integración local de refugiados.");

        Assert.Equal(["Kelmė youth centre"], await TitlesAsync(new ExchangeFilter(Q: "kelme")));
        Assert.Equal(["Kelmė youth centre"], await TitlesAsync(new ExchangeFilter(Q: "KELMĖ")));
        Assert.Equal(["Accoglienza diffusa"], await TitlesAsync(new ExchangeFilter(Q: "integracion")));
        Assert.Equal(["Accoglienza diffusa"], await TitlesAsync(new ExchangeFilter(Q: "íntegrac*")));
    }

    [Theory]
    [InlineData("\"; DROP TABLE exchanges; --")]
    [InlineData("NEAR(youth centre) OR title:*")]
    [InlineData("youth\" OR \"x")]
    [InlineData("youth AND NOT centre")]
    public async Task HostileSearchTextIsOnlyWordsPhrasesAndOurOwnOperators(string q)
    {
        await PostAsync(Kelme, "Youth centre");

        var titles = await TitlesAsync(new ExchangeFilter(Q: q));

        // FTS5's own syntax is plain words here, and none of these texts holds all of its words in the exchange.
        Assert.Empty(titles);
    }

    [Theory]
    [InlineData("\"youth\"", "Youth centre")]
    [InlineData("youth*", "Youth centre")]
    [InlineData("(youth) centre", "Youth centre")]
    [InlineData("\"youth centre\"", "Youth centre")]
    [InlineData("youth OR desk", "Volunteer desk|Youth centre")]
    [InlineData("desk -youth", "Volunteer desk")]
    [InlineData("vol* OR centre -\"volunteer desk\"", "Youth centre")]
    [InlineData("\"centre youth\"", "")]
    public async Task QuotesOrMinusAndStarAreTheSearchSyntax(string q, string expected)
    {
        await PostAsync(Kelme, "Youth centre");
        await PostAsync(Gallese, "Volunteer desk");

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), await TitlesAsync(new ExchangeFilter(Q: q)));
    }

    [Fact]
    public async Task PagingWalksEveryMatchExactlyOnceWhileNewExchangesArrive()
    {
        var expected = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            expected.Add((await PostAsync(i % 2 == 0 ? Kelme : Canepina, $"Practice {i}")).Id);
        }

        // Several posts in the same tick: the id breaks the tie.
        for (var i = 0; i < 4; i++)
        {
            expected.Add((await _silo.PostAsync(Gallese, $"Same tick {i}")).Id);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _silo.Catalog.SearchAsync(new ExchangeFilter(), limit: 5, cursor: cursor);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;

            // New exchanges arrive between pages, some in the very tick of the last one seen.
            await PostAsync(NovoMesto, $"Arrived during page {pages}");
            await _silo.PostAsync(Kelme, $"Arrived in the same tick during page {pages}");
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(6, pages);
    }

    [Fact]
    public async Task PagingAFilteredSearchWalksOnlyItsMatches()
    {
        for (var i = 0; i < 12; i++)
        {
            await PostAsync(i % 3 == 0 ? Kelme : Gallese, $"Item {i}", themes: [i % 2 == 0 ? "culture" : "tourism"]);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _silo.Catalog.SearchAsync(new ExchangeFilter(Theme: "culture", Author: Gallese), limit: 2, cursor: cursor);
            seen.AddRange(page.Items.Select(i => i.Title));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(["Item 10", "Item 8", "Item 4", "Item 2"], seen);
    }

    [Fact]
    public async Task ATamperedCursorIsAValidationError()
    {
        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _silo.Catalog.SearchAsync(new ExchangeFilter(), cursor: "bm90LWEtY3Vyc29y"));

        Assert.Equal(["cursor"], error.Errors.Keys);
    }

    [Fact]
    public async Task TheViewOfAnExchangeAssemblesAllItsRepliesAndAdoptionsAcrossIndexPages()
    {
        var practice = await PostAsync(NovoMesto, "NGO charter");
        for (var i = 0; i < 130; i++)
        {
            _silo.Clock.Advance(TimeSpan.FromSeconds(1));
            await _silo.ReplyAsync(practice.Id, i % 2 == 0 ? Kelme : Gallese, $"Reply {i}");
        }

        await _silo.AdoptAsync(practice.Id, Kelme, AdoptionStatus.Interested);
        _silo.Clock.Advance(TimeSpan.FromSeconds(1));
        await _silo.AdoptAsync(practice.Id, Gallese, AdoptionStatus.Adapting, "Started in May.");

        var view = await _silo.Catalog.GetAsync(practice.Id);

        Assert.NotNull(view);
        Assert.Equal(practice.Id, view.Exchange.Id);
        Assert.Equal(130, view.ReplyCount);
        Assert.Equal(Enumerable.Range(0, 130).Select(i => $"Reply {i}"), view.Replies.Select(r => r.Body));
        Assert.Equal([Kelme, Gallese], view.Adoptions.Select(a => a.MunicipalityId));
        Assert.Equal("Started in May.", view.Adoptions[1].Note);
    }

    [Fact]
    public async Task TheViewShowsABoundedNumberOfRepliesAndCountsThemAll()
    {
        var practice = await PostAsync(NovoMesto, "Popular practice");
        for (var i = 0; i < ExchangeLimits.MaxRepliesInView + 2; i++)
        {
            _silo.Clock.Advance(TimeSpan.FromSeconds(1));
            await _silo.ReplyAsync(practice.Id, Kelme, $"Reply {i}");
        }

        var view = await _silo.Catalog.GetAsync(practice.Id);

        Assert.Equal(ExchangeLimits.MaxRepliesInView, view!.Replies.Count);
        Assert.Equal(ExchangeLimits.MaxRepliesInView + 2, view.ReplyCount);
        Assert.Equal("Reply 0", view.Replies[0].Body);
    }

    [Fact]
    public async Task EveryReplyCanBeReadPageByPageOldestFirst()
    {
        var practice = await PostAsync(NovoMesto, "Popular practice");
        for (var i = 0; i < 7; i++)
        {
            _silo.Clock.Advance(TimeSpan.FromSeconds(1));
            await _silo.ReplyAsync(practice.Id, Kelme, $"Reply {i}");
        }

        var bodies = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _silo.Catalog.GetRepliesAsync(practice.Id, limit: 3, cursor: cursor);
            bodies.AddRange(page.Items.Select(r => r.Body));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Reply {i}"), bodies);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _silo.Catalog.GetRepliesAsync("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f"));
    }

    [Theory]
    [InlineData("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f")]
    [InlineData("../../etc/passwd")]
    public async Task ThereIsNoViewOfAnUnknownExchange(string id)
    {
        Assert.Null(await _silo.Catalog.GetAsync(id));
    }

    [Fact]
    public async Task APartnersOwnViewShowsWhatItPostedAndWhatItAdopted()
    {
        var charter = await PostAsync(NovoMesto, "NGO charter");
        var hosting = await PostAsync(Canepina, "Hosting families");
        var own = await PostAsync(Kelme, "Youth centre");
        await PostAsync(Gallese, "Volunteer desk");
        _silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await _silo.AdoptAsync(charter.Id, Kelme, AdoptionStatus.Adapting, "Translating it.");
        _silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await _silo.AdoptAsync(hosting.Id, Kelme, AdoptionStatus.Interested);

        var view = await _silo.Catalog.GetForMunicipalityAsync(Kelme);

        Assert.Equal([own.Id], view.Posted.Items.Select(i => i.Id));
        Assert.Equal([hosting.Id, charter.Id], view.Adopted.Items.Select(a => a.Exchange.Id));
        Assert.Equal(AdoptionStatus.Adapting, view.Adopted.Items[1].Status);
        Assert.Equal("NGO charter", view.Adopted.Items[1].Exchange.Title);
    }

    [Fact]
    public async Task APartnersOwnViewPagesEachListOnItsOwn()
    {
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(Kelme, $"Own {i}");
            var other = await PostAsync(Gallese, $"Other {i}");
            await _silo.AdoptAsync(other.Id, Kelme, AdoptionStatus.Interested);
        }

        var first = await _silo.Catalog.GetForMunicipalityAsync(Kelme, limit: 2);
        var second = await _silo.Catalog.GetForMunicipalityAsync(Kelme, limit: 2, postedCursor: first.Posted.NextCursor, adoptedCursor: first.Adopted.NextCursor);

        Assert.Equal(["Own 2", "Own 1", "Own 0"], first.Posted.Items.Concat(second.Posted.Items).Select(i => i.Title));
        Assert.Equal(["Other 2", "Other 1", "Other 0"], first.Adopted.Items.Concat(second.Adopted.Items).Select(a => a.Exchange.Title));
        Assert.Null(second.Posted.NextCursor);
        Assert.Null(second.Adopted.NextCursor);
    }

    [Fact]
    public async Task ThereIsNoOwnViewOfAnUnknownMunicipality()
    {
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _silo.Catalog.GetForMunicipalityAsync(Atlantis));
    }
}
