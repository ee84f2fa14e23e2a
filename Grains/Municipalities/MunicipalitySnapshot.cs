namespace Collaboration.Grains.Municipalities;

/// <summary>A partner as stored, with the version (ETag) of its record; <see cref="DeactivatedAt"/> is set while it is deactivated.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.MunicipalitySnapshot")]
public sealed record MunicipalitySnapshot(
    string Id,
    MunicipalityProfile Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Version,
    DateTimeOffset? DeactivatedAt = null);
