namespace Collaboration.Grains.Projects;

/// <summary>A project as stored: its definition with the current partners, and the version (ETag) of its record.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProjectSnapshot")]
public sealed record ProjectSnapshot(string Id, ProjectDefinition Definition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Version);
