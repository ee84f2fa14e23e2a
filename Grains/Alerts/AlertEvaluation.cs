namespace Collaboration.Grains.Alerts;

/// <summary>What the rules found for one subject now, and the next moment time alone could change it (null: only a change can).</summary>
public sealed record AlertEvaluation(IReadOnlyList<AlertFinding> Findings, DateTimeOffset? NextBoundary);
