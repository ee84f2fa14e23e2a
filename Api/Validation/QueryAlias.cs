namespace Collaboration.Api.Validation;

/// <summary>
/// A query parameter known by two names: the word the API uses everywhere (docs/contract.md, Vocabulary) and an older
/// name kept for the clients that send it. Either may be given; both, with different values, is 400.
/// </summary>
public static class QueryAlias
{
    public static string? Pick(RequestValidation validation, string name, string? value, string alias, string? aliasValue)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (string.IsNullOrEmpty(aliasValue))
        {
            return value;
        }

        if (!string.IsNullOrEmpty(value) && value != aliasValue)
        {
            validation.Add(name, $"'{alias}' is another name for '{name}'; give one of them, or the same value to both.");
        }

        return string.IsNullOrEmpty(value) ? aliasValue : value;
    }
}
