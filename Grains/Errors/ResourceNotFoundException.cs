namespace Collaboration.Grains.Errors;

/// <summary>The addressed resource does not exist (404).</summary>
public sealed class ResourceNotFoundException(string resource, string id)
    : DomainException("Not found", $"There is no {resource} '{id}'.")
{
    public string Resource { get; } = resource;

    public string Id { get; } = id;
}
