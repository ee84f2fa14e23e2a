namespace Collaboration.Api.Tests.Telemetry.Support;

/// <summary>One log line and the values of the scopes around it.</summary>
public sealed record CapturedLine(string Category, string Message, IReadOnlyDictionary<string, string?> Scopes);
