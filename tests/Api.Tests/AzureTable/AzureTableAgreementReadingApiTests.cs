using Collaboration.Api.Tests.Agreements;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="AgreementReadingApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableAgreementReadingApiTests(AzureTableApiFactory api) : AgreementReadingApiTests(api), IClassFixture<AzureTableApiFactory>;
