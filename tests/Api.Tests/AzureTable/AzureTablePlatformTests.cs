using Collaboration.Api.Tests.Platform;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="PlatformTests"/>, on Azure Table storage.</summary>
public sealed class AzureTablePlatformTests(AzureTableApiFactory api) : PlatformTests(api), IClassFixture<AzureTableApiFactory>;
