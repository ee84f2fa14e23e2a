using Collaboration.Api.Tests.Exchanges;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="ExchangeSearchApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableExchangeSearchApiTests(AzureTableApiFactory api) : ExchangeSearchApiTests(api), IClassFixture<AzureTableApiFactory>;
