namespace Collaboration.Tests.Formats;

/// <summary>One unfolded content line: <c>name[;param=value...]:value</c>, value still escaped.</summary>
internal sealed record IcsContentLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);
