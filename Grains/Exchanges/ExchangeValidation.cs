using System.Text.RegularExpressions;
using Collaboration.Grains.Errors;

namespace Collaboration.Grains.Exchanges;

/// <summary>Checks and normalises what clients send, collecting every problem by field (camelCase, as in the JSON).</summary>
public static partial class ExchangeValidation
{
    /// <summary>The slug of municipality and project ids (API.md, General).</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    /// <summary>The draft with trimmed text and normalised, distinct themes; throws <see cref="DomainValidationException"/> listing every problem.</summary>
    public static NewExchange Normalize(NewExchange draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, List<string>>();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            Add(errors, "kind", "Must be one of goodPractice, question, lessonLearned, resource.");
        }

        var title = RequiredText(errors, "title", draft.Title, ExchangeLimits.TitleMaxLength);
        var summary = RequiredText(errors, "summary", draft.Summary, ExchangeLimits.SummaryMaxLength);
        var body = string.IsNullOrWhiteSpace(draft.Body) ? null : draft.Body.Trim();
        if (body is { Length: > ExchangeLimits.BodyMaxLength })
        {
            Add(errors, "body", $"Must be at most {ExchangeLimits.BodyMaxLength} characters.");
        }

        var themes = new List<string>();
        if (draft.Themes is null || draft.Themes.Count == 0)
        {
            Add(errors, "themes", "At least one theme is required.");
        }
        else
        {
            foreach (var theme in draft.Themes)
            {
                var normalized = theme is null ? "" : ExchangeIndex.NormalizeTheme(theme);
                if (normalized.Length is 0 or > ExchangeLimits.ThemeMaxLength)
                {
                    Add(errors, "themes", $"Each theme must have 1 to {ExchangeLimits.ThemeMaxLength} characters.");
                }
                else if (!themes.Contains(normalized, StringComparer.Ordinal))
                {
                    themes.Add(normalized);
                }
            }

            if (themes.Count > ExchangeLimits.MaxThemes)
            {
                Add(errors, "themes", $"At most {ExchangeLimits.MaxThemes} themes.");
            }
        }

        var projectId = string.IsNullOrWhiteSpace(draft.ProjectId) ? null : draft.ProjectId.Trim();
        if (projectId is not null && !IsSlug(projectId))
        {
            Add(errors, "projectId", "Must be a project id (lower-case letters, digits and hyphens).");
        }

        var language = string.IsNullOrWhiteSpace(draft.Language) ? null : draft.Language.Trim();
        if (language is not null && !LanguagePattern().IsMatch(language))
        {
            Add(errors, "language", "Must be a language tag such as 'sl', 'it' or 'pt-BR'.");
        }

        ThrowIfAny(errors);
        return new NewExchange(draft.Kind, title!, summary!, body, themes, projectId, language);
    }

    /// <summary>The trimmed reply body; throws <see cref="DomainValidationException"/> when empty or too long.</summary>
    public static string NormalizeReply(string? body)
    {
        var errors = new Dictionary<string, List<string>>();
        var text = RequiredText(errors, "body", body, ExchangeLimits.ReplyMaxLength);
        ThrowIfAny(errors);
        return text!;
    }

    /// <summary>The trimmed note (null when blank); throws <see cref="DomainValidationException"/> for an undefined status or a long note.</summary>
    public static string? NormalizeAdoption(AdoptionStatus status, string? note)
    {
        var errors = new Dictionary<string, List<string>>();
        if (!Enum.IsDefined(status))
        {
            Add(errors, "status", "Must be one of interested, adapting, implemented, abandoned.");
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > ExchangeLimits.NoteMaxLength })
        {
            Add(errors, "note", $"Must be at most {ExchangeLimits.NoteMaxLength} characters.");
        }

        ThrowIfAny(errors);
        return trimmed;
    }

    private static string? RequiredText(Dictionary<string, List<string>> errors, string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(errors, field, "Is required.");
        }
        else if (trimmed.Length > maxLength)
        {
            Add(errors, field, $"Must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    private static void ThrowIfAny(Dictionary<string, List<string>> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
