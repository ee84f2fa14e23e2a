namespace Collaboration.Grains.Access;

public sealed class CoordinatorCredentialState
{
    public string? KeyHash { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
}
