namespace Collaboration.Grains.Access;

public sealed class ApiKeyState
{
    public string? MunicipalityId { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
