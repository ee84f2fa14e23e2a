namespace Collaboration.Browser.Tests.Support;

/// <summary>
/// The browser tests run one class at a time: each starts its own API and Chromium, and a page timed at size
/// should not share the machine with another class's seeding.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection
{
    public const string Name = "Dashboard in Chromium";
}
