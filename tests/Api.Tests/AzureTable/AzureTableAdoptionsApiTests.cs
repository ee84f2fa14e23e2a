using Collaboration.Api.Tests.Exchanges;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="AdoptionsApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableAdoptionsApiTests(AzureTableApiFactory api) : AdoptionsApiTests(api), IClassFixture<AzureTableApiFactory>;
