using Collaboration.Api.Tests.Exchanges;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="MunicipalityExchangesApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableMunicipalityExchangesApiTests(AzureTableApiFactory api) : MunicipalityExchangesApiTests(api), IClassFixture<AzureTableApiFactory>;
