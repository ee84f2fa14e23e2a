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
    public void Text_is_trimmed_and_blank_optional_fields_become_null()
    {
        var valid = ExchangeValidation.Normalize(Draft(title: "  Title  ", summary: " Summary ", body: "   ", projectId: " ", language: ""));

        Assert.Equal("Title", valid.Title);
        Assert.Equal("Summary", valid.Summary);
        Assert.Null(valid.Body);
        Assert.Null(valid.ProjectId);
        Assert.Null(valid.Language);
    }

    [Fact]
    public void Themes_are_lower_cased_with_whitespace_collapsed_and_repeated_ones_dropped()
    {
        var valid = ExchangeValidation.Normalize(Draft(themes: ["  Urban   Mobility ", "urban mobility", "Integration", "ŽIVLJENJE"]));

        Assert.Equal(["urban mobility", "integration", "življenje"], valid.Themes);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
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
    public void A_missing_kind_is_reported_with_the_other_fields()
    {
        var error = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(Draft() with { Kind = null, Title = "" }));

        Assert.Equal(["kind", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void More_themes_than_allowed_are_refused()
    {
        var themes = Enumerable.Range(0, ExchangeLimits.MaxThemes + 1).Select(i => $"theme {i}").ToArray();

        var error = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(Draft(themes: themes)));

        Assert.Contains("themes", error.Errors.Keys);
    }

    [Fact]
    public void A_blank_or_overlong_theme_is_refused()
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
    public void Common_language_tags_are_accepted(string language)
    {
        Assert.Equal(language, ExchangeValidation.Normalize(Draft(language: language)).Language);
    }

    [Theory]
    [InlineData("shelter")]
    [InlineData("access-2017")]
    [InlineData("a")]
    public void Project_ids_are_slugs(string projectId)
    {
        Assert.Equal(projectId, ExchangeValidation.Normalize(Draft(projectId: projectId)).ProjectId);
    }

    [Theory]
    [InlineData("-shelter")]
    [InlineData("Shelter")]
    [InlineData("shel ter")]
    public void Anything_else_is_not_a_project_id(string projectId)
    {
        var error = Assert.Throws<DomainValidationException>(() => ExchangeValidation.Normalize(Draft(projectId: projectId)));

        Assert.Equal(["projectId"], error.Errors.Keys);
    }

    [Fact]
    public void Ids_and_tags_are_trimmed_before_they_are_checked()
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
    public void A_slug_has_nothing_around_it(string? id)
    {
        Assert.False(ExchangeValidation.IsSlug(id));
    }

    [Fact]
    public void A_reply_needs_a_body_of_bounded_length()
    {
        Assert.Equal("Thanks!", ExchangeValidation.NormalizeReply("  Thanks! "));
        Assert.Contains("body", Assert.Throws<DomainValidationException>(() => ExchangeValidation.NormalizeReply(" ")).Errors.Keys);
        Assert.Contains(
            "body",
            Assert.Throws<DomainValidationException>(() => ExchangeValidation.NormalizeReply(new string('x', ExchangeLimits.ReplyMaxLength + 1))).Errors.Keys);
    }

    [Fact]
    public void An_adoption_note_is_optional_and_bounded_and_its_status_must_be_known()
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
