using System.Text.RegularExpressions;
using Collaboration.Grains.Domain;

namespace Collaboration.Grains.Exchanges;

/// <summary>Checks and normalises what clients send, collecting every problem by field (camelCase, as in the JSON).</summary>
public static partial class ExchangeValidation
{
    public const string KindMessage = "Must be one of goodPractice, question, lessonLearned, resource.";

    /// <summary>The slug of municipality and project ids (docs/contract.md, General).</summary>
    public static bool IsSlug(string? value) => Slug.IsValid(value);

    /// <summary>The draft with trimmed text and normalised, distinct themes; throws <see cref="DomainValidationException"/> listing every problem.</summary>
    public static NewExchange Normalize(NewExchange draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new FieldErrors();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", KindMessage);
        }

        var title = RequiredText(errors, "title", draft.Title, ExchangeLimits.TitleMaxLength);
        var summary = RequiredText(errors, "summary", draft.Summary, ExchangeLimits.SummaryMaxLength);
        var body = string.IsNullOrWhiteSpace(draft.Body) ? null : draft.Body.Trim();
        if (body is { Length: > ExchangeLimits.BodyMaxLength })
        {
            errors.Add("body", $"Must be at most {ExchangeLimits.BodyMaxLength} characters.");
        }

        var themes = new List<string>();
        if (draft.Themes is null || draft.Themes.Count == 0)
        {
            errors.Add("themes", "At least one theme is required.");
        }
        else
        {
            foreach (var theme in draft.Themes)
            {
                var normalized = theme is null ? "" : ExchangeIndex.NormalizeTheme(theme);
                if (normalized.Length is 0 or > ExchangeLimits.ThemeMaxLength)
                {
                    errors.Add("themes", $"Each theme must have 1 to {ExchangeLimits.ThemeMaxLength} characters.");
                }
                else if (!themes.Contains(normalized, StringComparer.Ordinal))
                {
                    themes.Add(normalized);
                }
            }

            if (themes.Count > ExchangeLimits.MaxThemes)
            {
                errors.Add("themes", $"At most {ExchangeLimits.MaxThemes} themes.");
            }
        }

        var projectId = string.IsNullOrWhiteSpace(draft.ProjectId) ? null : draft.ProjectId.Trim();
        if (projectId is not null && !IsSlug(projectId))
        {
            errors.Add("projectId", "Must be a project id (lower-case letters, digits and hyphens).");
        }

        var language = string.IsNullOrWhiteSpace(draft.Language) ? null : draft.Language.Trim();
        if (language is not null && !LanguagePattern().IsMatch(language))
        {
            errors.Add("language", "Must be a language tag such as 'sl', 'it' or 'pt-BR'.");
        }

        errors.ThrowIfAny();
        return new NewExchange(draft.Kind, title!, summary!, body, themes, projectId, language);
    }

    /// <summary>The trimmed reply body; throws <see cref="DomainValidationException"/> when empty or too long.</summary>
    public static string NormalizeReply(string? body)
    {
        var errors = new FieldErrors();
        var text = RequiredText(errors, "body", body, ExchangeLimits.ReplyMaxLength);
        errors.ThrowIfAny();
        return text!;
    }

    /// <summary>The trimmed note (null when blank); throws <see cref="DomainValidationException"/> for an undefined status or a long note.</summary>
    public static string? NormalizeAdoption(AdoptionStatus status, string? note)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(status))
        {
            errors.Add("status", "Must be one of interested, adapting, implemented, abandoned.");
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > ExchangeLimits.NoteMaxLength })
        {
            errors.Add("note", $"Must be at most {ExchangeLimits.NoteMaxLength} characters.");
        }

        errors.ThrowIfAny();
        return trimmed;
    }

    private static string? RequiredText(FieldErrors errors, string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, "Is required.");
        }
        else if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"Must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    [GeneratedRegex("^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
