namespace Collaboration.Grains.Errors;

/// <summary>The client's If-Match names a version that is no longer current (412).</summary>
[GenerateSerializer, Alias("collaboration.PreconditionFailedException")]
public sealed class PreconditionFailedException(string message) : DomainException("Precondition failed", message);
