namespace Collaboration.Grains.Projects;

/// <summary>What the projects index returns for each project, so that listing projects activates no grain.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProjectSummary")]
public sealed record ProjectSummary(string Id, ProjectDefinition Definition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
