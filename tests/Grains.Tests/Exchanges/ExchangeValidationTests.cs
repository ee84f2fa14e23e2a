using Collaboration.Grains.Errors;
using Collaboration.Grains.Exchanges;

namespace Collaboration.Grains.Tests.Exchanges;

public sealed class ExchangeValidationTests
{
    private static NewExchange Draft(
        string title = "Local partnership with NGOs",
        string summary = "How Novo mesto integrates immigrants with its NGOs.",
        string? body = null,
        string[]? themes = null,
        string? projectId = null,
        string? language = null,
        ExchangeKind kind = ExchangeKind.GoodPractice) =>
        new(kind, title, summary, body, themes ?? ["integration"], projectId, language);

    [Fact]
    public void TextIsTrimmedAndBlankOptionalFieldsBecomeNull()
    {
        var valid = ExchangeValidation.Normalize(Draft(title: "  Title  ", summary: " Summary ", body: "   ", projectId: " ", language: ""));

        Assert.Equal("Title", valid.Title);
        Assert.Equal("Summary", valid.Summary);
        Assert.Null(valid.Body);
        Assert.Null(valid.ProjectId);
        Assert.Null(valid.Language);
    }

    [Fact]
    public void ThemesAreLowerCasedWithWhitespaceCollapsedAndRepeatedOnesDropped()
    {
        var valid = ExchangeValidation.Normalize(Draft(themes: ["  Urban   Mobility ", "urban mobility", "Integration", "ŽIVLJENJE"]));

        Assert.Equal(["urban mobility", "integration", "življenje"], valid.Themes);
    }

    [Fact]
    public void EveryInvalidFieldIsReportedAtOnce()
    {
        var draft = Draft(
            title: "",
            summary: new string('s', ExchangeLimits.SummaryMaxLength + 1),
            body: new string('b', ExchangeLimits.BodyMaxLength + 1),
            themes: [],
            projectId: "Not A Slug",
            language: "english please",
            kind: (ExchangeKind)99);

        var error = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(draft));

        Assert.Equal(
            ["body", "kind", "language", "projectId", "summary", "themes", "title"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMissingKindIsReportedWithTheOtherFields()
    {
        var error = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(Draft() with { Kind = null, Title = "" }));

        Assert.Equal(["kind", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MoreThemesThanAllowedAreRefused()
    {
        var themes = Enumerable.Range(0, ExchangeLimits.MaxThemes + 1).Select(i => $"theme {i}").ToArray();

        var error = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(Draft(themes: themes)));

        Assert.Contains("themes", error.Errors.Keys);
    }

    [Fact]
    public void ABlankOrOverlongThemeIsRefused()
    {
        var blank = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(Draft(themes: ["  "])));
        var overlong = Assert.Throws<DomainValidationException>(
            () => ExchangeValidation.Normalize(Draft(themes: [new string('t', ExchangeLimits.ThemeMaxLength + 1)])));

        Assert.Contains("themes", blank.Errors.Keys);
        Assert.Contains("themes", overlong.Errors.Keys);
    }

    [Theory]
    [InlineData("sl")]
    [InlineData("it")]
    [InlineData("pt-BR")]
    [InlineData("sr-Latn-ME")]
    public void CommonLanguageTagsAreAccepted(string language)
    {
        Assert.Equal(language, ExchangeValidation.Normalize(Draft(language: language)).Language);
    }

    [Theory]
    [InlineData("shelter")]
    [InlineData("access-2017")]
    [InlineData("a")]
    public void ProjectIdsAreSlugs(string projectId)
    {
        Assert.Equal(projectId, ExchangeValidation.Normalize(Draft(projectId: projectId)).ProjectId);
    }

    [Theory]
    [InlineData("-shelter")]
    [InlineData("Shelter")]
    [InlineData("shel ter")]
    public void AnythingElseIsNotAProjectId(string projectId)
    {
        var error = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(Draft(projectId: projectId)));

        Assert.Equal(["projectId"], error.Errors.Keys);
    }

    [Fact]
    public void IdsAndTagsAreTrimmedBeforeTheyAreChecked()
    {
        var valid = ExchangeValidation.Normalize(Draft(projectId: " shelter\n", language: "sl\n"));

        Assert.Equal("shelter", valid.ProjectId);
        Assert.Equal("sl", valid.Language);
    }

    [Theory]
    [InlineData("kelme\n")]
    [InlineData("kelme ")]
    [InlineData("")]
    [InlineData(null)]
    public void ASlugHasNothingAroundIt(string? id)
    {
        Assert.False(ExchangeValidation.IsSlug(id));
    }

    [Fact]
    public void AReplyNeedsABodyOfBoundedLength()
    {
        Assert.Equal("Thanks!", ExchangeValidation.NormalizeReply("  Thanks! "));
        Assert.Contains("body", Assert.Throws<DomainValidationException>(() => ExchangeValidation.NormalizeReply(" ")).Errors.Keys);
        Assert.Contains(
            "body",
            Assert.Throws<DomainValidationException>(() => ExchangeValidation.NormalizeReply(new string('x', ExchangeLimits.ReplyMaxLength + 1))).Errors.Keys);
    }

    [Fact]
    public void AnAdoptionNoteIsOptionalAndBoundedAndItsStatusMustBeKnown()
    {
        Assert.Null(ExchangeValidation.NormalizeAdoption(AdoptionStatus.Interested, "  "));
        Assert.Equal("We start in May.", ExchangeValidation.NormalizeAdoption(AdoptionStatus.Adapting, " We start in May. "));
        Assert.Contains(
            "note",
            Assert.Throws<DomainValidationException>(
                () => ExchangeValidation.NormalizeAdoption(AdoptionStatus.Adapting, new string('n', ExchangeLimits.NoteMaxLength + 1))).Errors.Keys);
        Assert.Contains(
            "status",
            Assert.Throws<DomainValidationException>(() => ExchangeValidation.NormalizeAdoption((AdoptionStatus)7, null)).Errors.Keys);
    }
}
