using Collaboration.Api.Tests.Projects;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="ProjectsApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableProjectsApiTests(AzureTableApiFactory api) : ProjectsApiTests(api), IClassFixture<AzureTableApiFactory>;
