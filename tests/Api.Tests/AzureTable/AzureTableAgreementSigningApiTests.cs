using Collaboration.Api.Tests.Agreements;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="AgreementSigningApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableAgreementSigningApiTests(AzureTableApiFactory api) : AgreementSigningApiTests(api), IClassFixture<AzureTableApiFactory>;
