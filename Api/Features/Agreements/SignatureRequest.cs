using Collaboration.Api.Validation;
using Collaboration.Grains.Agreements;

namespace Collaboration.Api.Features.Agreements;

/// <summary>The body of POST /agreements/{id}/signatures: who signs for the calling party, in which role.</summary>
public sealed record SignatureRequest(string? Signatory, string? Role)
{
    public RequestValidation Validate()
    {
        var v = new RequestValidation();
        v.Text("signatory", Signatory, AgreementLimits.MaxSignatoryLength, required: true);
        v.Text("role", Role, AgreementLimits.MaxRoleLength, required: true);
        return v;
    }

    public AgreementSignature ToSignature() => new(Signatory!, Role!);
}
