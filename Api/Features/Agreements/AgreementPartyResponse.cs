using Collaboration.Grains.Agreements;

namespace Collaboration.Api.Features.Agreements;

/// <summary>A party of an agreement; <c>signedAt</c>, <c>signatory</c> and <c>role</c> once it signed.</summary>
public sealed record AgreementPartyResponse(string MunicipalityId, DateTimeOffset? SignedAt, string? Signatory, string? Role)
{
    public static AgreementPartyResponse From(AgreementParty p) => new(p.MunicipalityId, p.SignedAt, p.Signatory, p.Role);
}
