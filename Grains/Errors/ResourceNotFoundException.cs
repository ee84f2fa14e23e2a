namespace Collaboration.Grains.Errors;

/// <summary>The addressed resource does not exist (404).</summary>
[GenerateSerializer, Alias("collaboration.ResourceNotFoundException")]
public sealed class ResourceNotFoundException(string resource, string id)
    : DomainException("Not found", $"There is no {resource} '{id}'.")
{
    [Id(100)]
    public string Resource { get; } = resource;

    [Id(101)]
    public string Id { get; } = id;
}
