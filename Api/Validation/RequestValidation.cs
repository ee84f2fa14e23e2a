using System.Net.Mail;
using System.Text.RegularExpressions;
using Collaboration.Grains.Domain.Countries;

namespace Collaboration.Api.Validation;

/// <summary>
/// Collects field errors for a request so that one 400 answer names every problem at once
/// (<c>errors</c>: field -> messages, as RFC 9457 validation problems carry them).
/// </summary>
public sealed partial class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public static bool IsSlug(string? value) => Grains.Domain.Slug.IsValid(value);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "Required.");
        }
        else if (!IsSlug(value))
        {
            Add(field, "Must be 1 to 64 lower-case letters, digits and inner hyphens (a slug such as 'novo-mesto').");
        }
    }

    public void Text(string field, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, "Must not contain control characters.");
        }
    }

    public void Country(string field, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            Add(field, "Required.");
        }
        else if (!CountryCatalog.Default.IsKnown(code))
        {
            Add(field, $"'{Truncate(code)}' is not an ISO 3166-1 alpha-2 code of a country this network knows (e.g. 'SI', 'IT', 'ME').");
        }
    }

    public void Range(string field, long? value, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"Must be between {min} and {max}.");
        }
    }

    public void HttpUrl(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            Add(field, "Must be an absolute http(s) URL.");
        }
    }

    public void Email(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value)
        {
            Add(field, "Must be an e-mail address such as 'office@example.org'.");
        }
    }

    public void List(string field, IReadOnlyList<string?>? values, int maxCount, int maxItemLength, bool required = false)
    {
        if (values is null || values.Count == 0)
        {
            if (required)
            {
                Add(field, "At least one item is required.");
            }

            return;
        }

        if (values.Count > maxCount)
        {
            Add(field, $"At most {maxCount} items.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            Text($"{field}[{i}]", values[i], maxItemLength, required: true);
        }
    }

    public void Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "Required.");
        }
    }

    /// <summary>A query parameter's date (YYYY-MM-DD), or null when absent or invalid (then named in the errors).</summary>
    public DateOnly? Date(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(field, "Must be a date as YYYY-MM-DD (e.g. '2017-03-15').");
        return null;
    }

    /// <summary>A page size from the query: <paramref name="fallback"/> when absent; named in the errors unless 1 to <paramref name="max"/>.</summary>
    public int Limit(string field, string? value, int max, int fallback = 50)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Math.Min(fallback, max);
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max)
        {
            return limit;
        }

        Add(field, $"Must be an integer between 1 and {max}.");
        return fallback;
    }

    private static string Truncate(string value) => value.Length <= 16 ? value : value[..16] + "…";
}
