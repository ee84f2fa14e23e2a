using System.Text.Json;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Tests.Exchanges;

public sealed class ExchangeStateTests
{
    private static readonly DateTimeOffset PostedAt = new(2017, 10, 12, 9, 30, 0, TimeSpan.Zero);

    private static ExchangeState Posted(string? projectId = "shelter") => new()
    {
        Id = "ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f",
        Kind = ExchangeKind.GoodPractice,
        Title = "Local partnership",
        Summary = "Municipality and NGOs together",
        Body = "Novo mesto signs a charter with local NGOs.",
        Themes = ["integration", "volunteering"],
        Author = "novo-mesto",
        AuthorCountry = "SI",
        ProjectId = projectId,
        Language = "en",
        CreatedAt = PostedAt,
    };

    [Fact]
    public void AnUnpostedExchangePublishesNothing()
    {
        Assert.Empty(new ExchangeState().GetIndexEntries("ex-1"));
    }

    [Fact]
    public void APostedExchangePublishesOneDocumentWithItsFiltersAsTerms()
    {
        var entry = Assert.Single(Posted().GetIndexEntries("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f"));

        Assert.Equal(ExchangeIndex.Exchanges, entry.Index);
        Assert.Equal("ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f", entry.DocumentId);
        Assert.Equal(PostedAt.UtcTicks, entry.SortKey);
        Assert.Equal(
            [
                new IndexTerm("kind", "goodPractice"),
                new IndexTerm("author", "novo-mesto"),
                new IndexTerm("country", "SI"),
                new IndexTerm("project", "shelter"),
                new IndexTerm("theme", "integration"),
                new IndexTerm("theme", "volunteering"),
            ],
            entry.Terms);
    }

    [Fact]
    public void AnExchangeWithoutAProjectHasNoProjectTerm()
    {
        var entry = Assert.Single(Posted(projectId: null).GetIndexEntries("ex-1"));

        Assert.DoesNotContain(entry.Terms, t => t.Field == "project");
    }

    [Fact]
    public void TitleSummaryAndBodyAreTheSearchableText()
    {
        var entry = Assert.Single(Posted().GetIndexEntries("ex-1"));

        Assert.Equal("Local partnership\nMunicipality and NGOs together\nNovo mesto signs a charter with local NGOs.", entry.Text);
    }

    [Fact]
    public void ThePayloadIsTheListItemWithoutTheBody()
    {
        var entry = Assert.Single(Posted().GetIndexEntries("ex-1"));

        var item = JsonSerializer.Deserialize<ExchangeListItem>(entry.Payload!, GrainStateSerializer.Options);
        Assert.Equal(Posted().ToRecord()!.ToListItem() with { Themes = item!.Themes }, item);
        Assert.Equal(["integration", "volunteering"], item.Themes);
        Assert.DoesNotContain("charter", entry.Payload, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"goodPractice\"", entry.Payload, StringComparison.Ordinal);
    }
}
