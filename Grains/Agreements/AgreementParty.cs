using System.Text.Json.Serialization;

namespace Collaboration.Grains.Agreements;

/// <summary>A current party to an agreement and, once it signed, who signed for it, in which role, and when.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.AgreementParty")]
public sealed record AgreementParty(string MunicipalityId)
{
    [Id(100)]
    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The name of the person who signed for the party.</summary>
    [Id(101)]
    public string? Signatory { get; init; }

    /// <summary>The signatory's role ("Mayor").</summary>
    [Id(102)]
    public string? Role { get; init; }

    [JsonIgnore]
    public bool HasSigned => SignedAt is not null;

    /// <summary>The same party with its signature withdrawn (after an amendment of what it signed).</summary>
    public AgreementParty Unsigned() => new(MunicipalityId);
}
