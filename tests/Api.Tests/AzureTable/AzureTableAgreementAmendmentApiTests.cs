using Collaboration.Api.Tests.Agreements;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="AgreementAmendmentApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableAgreementAmendmentApiTests(AzureTableApiFactory api) : AgreementAmendmentApiTests(api), IClassFixture<AzureTableApiFactory>;
