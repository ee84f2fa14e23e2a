using Collaboration.Api.Tests.Agreements;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="AgreementPartiesApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableAgreementPartiesApiTests(AzureTableApiFactory api) : AgreementPartiesApiTests(api), IClassFixture<AzureTableApiFactory>;
