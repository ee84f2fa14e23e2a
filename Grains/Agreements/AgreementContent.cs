namespace Collaboration.Grains.Agreements;

/// <summary>What the parties sign: the title, the areas they cooperate in, and the text.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.AgreementContent")]
public sealed record AgreementContent(string Title, IReadOnlyList<string> Areas, string Text);
