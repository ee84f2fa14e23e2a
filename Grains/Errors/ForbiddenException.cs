namespace Collaboration.Grains.Errors;

/// <summary>The caller is known but may not do this (403).</summary>
[GenerateSerializer, Alias("collaboration.ForbiddenException")]
public sealed class ForbiddenException(string message) : DomainException("Forbidden", message);
