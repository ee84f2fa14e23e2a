namespace Collaboration.Silo;

/// <summary>
/// Marks a grain interface method whose calls run beside the grain's turns instead of waiting for one, as in
/// Orleans. The method must guard whatever it shares with the grain's other methods itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
