using Collaboration.Api.Tests.Events;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>Every test of <see cref="EventsApiTests"/>, on Azure Table storage.</summary>
public sealed class AzureTableEventsApiTests(AzureTableApiFactory api) : EventsApiTests(api), IClassFixture<AzureTableApiFactory>;
