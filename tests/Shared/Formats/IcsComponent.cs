namespace Collaboration.Tests.Formats;

/// <summary>A BEGIN/END component with its properties and nested components.</summary>
internal sealed record IcsComponent(string Name, List<IcsContentLine> Properties, List<IcsComponent> Components)
{
    public IcsContentLine Property(string name) => Properties.Single(p => p.Name == name);

    public string Text(string name) => IcsChecker.UnescapeText(Property(name).Value);
}
