using Collaboration.Api.Tests.Municipalities;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="MunicipalitiesApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableMunicipalitiesApiTests(AzureTableApiFactory api) : MunicipalitiesApiTests(api), IClassFixture<AzureTableApiFactory>;
