namespace Collaboration.Grains.Network;

/// <summary>
/// The index names, fields and values the network's figures are counted by, as the grains of each capability
/// publish them (exchanges and adoptions are published by their own grains). Kept in one place so a
/// renamed term shows up here, not as a silent zero on the dashboard.
/// </summary>
public static class NetworkIndexTerms
{
    /// <summary>One document per adoption (terms exchange, municipality, status); published by adoption grains.</summary>
    public const string Adoptions = "adoptions";

    public const string Status = "status";
    public const string Kind = "kind";

    public const string AgreementInForce = "inForce";

    public const string AdoptionAbandoned = "abandoned";

    public static IReadOnlyList<string> ExchangeKinds { get; } = ["goodPractice", "question", "lessonLearned", "resource"];

    public static IReadOnlyList<string> AdoptionStatuses { get; } = ["interested", "adapting", "implemented", "abandoned"];
}
