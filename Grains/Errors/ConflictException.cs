namespace Collaboration.Grains.Errors;

/// <summary>The request contradicts the resource's current state: an id taken, a transition not allowed (409).</summary>
[GenerateSerializer, Alias("collaboration.ConflictException")]
public sealed class ConflictException(string message) : DomainException("Conflict", message);
