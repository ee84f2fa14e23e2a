namespace Collaboration.Api.Security;

/// <summary>Role names carried in the caller's claims, and the policy names routes require.</summary>
public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Municipality = "municipality";

    /// <summary>The claim holding the id of the municipality a key belongs to.</summary>
    public const string MunicipalityClaim = "municipality";
}
