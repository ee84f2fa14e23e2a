namespace Collaboration.Grains.Agreements;

/// <summary>Bounds that keep one agreement's grain state small (docs/contract.md: grain state is bounded).</summary>
public static class AgreementLimits
{
    public const int MinParties = 2;
    public const int MaxParties = 100;
    public const int MaxTitleLength = 200;
    public const int MaxAreas = 50;
    public const int MaxAreaLength = 100;
    public const int MaxTextLength = 100_000;
    public const int MaxSignatoryLength = 200;
    public const int MaxRoleLength = 200;
}
