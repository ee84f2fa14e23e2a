namespace Collaboration.Grains.Errors;

/// <summary>The request is well-formed but names things the domain cannot accept (400, with an errors map by field).</summary>
[GenerateSerializer, Alias("collaboration.DomainValidationException")]
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("Validation failed", "One or more fields are invalid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    [Id(100)]
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
