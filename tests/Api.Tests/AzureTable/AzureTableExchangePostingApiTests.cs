using Collaboration.Api.Tests.Exchanges;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="ExchangePostingApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableExchangePostingApiTests(AzureTableApiFactory api) : ExchangePostingApiTests(api), IClassFixture<AzureTableApiFactory>;
