using Collaboration.Api.Validation;
using Collaboration.Grains.Agreements;

namespace Collaboration.Api.Features.Agreements;

/// <summary>The body of POST /agreements (with <see cref="Parties"/>) and PUT /agreements/{id} (without: parties change by accession and withdrawal).</summary>
public sealed record AgreementRequest
{
    public string? Title { get; init; }

    public IReadOnlyList<string?>? Areas { get; init; }

    public IReadOnlyList<string?>? Parties { get; init; }

    public string? Text { get; init; }

    public RequestValidation ValidateDraft()
    {
        var v = ValidateContent();
        if (Parties is null || Parties.Count < AgreementLimits.MinParties)
        {
            v.Add("parties", $"At least {AgreementLimits.MinParties} parties (partner ids) are required.");
        }
        else if (Parties.Count > AgreementLimits.MaxParties)
        {
            v.Add("parties", $"At most {AgreementLimits.MaxParties} parties.");
        }
        else
        {
            for (var i = 0; i < Parties.Count; i++)
            {
                v.Slug($"parties[{i}]", Parties[i]);
            }
        }

        return v;
    }

    public RequestValidation ValidateAmendment()
    {
        var v = ValidateContent();
        if (Parties is not null)
        {
            v.Add("parties", "Parties change by accession (POST /agreements/{id}/parties) and withdrawal, not by amendment; leave parties out.");
        }

        return v;
    }

    public AgreementContent ToContent() => new(Title!, [.. Areas!.Select(a => a!)], Text!);

    public IReadOnlyList<string> ToParties() => [.. Parties!.Select(p => p!)];

    private RequestValidation ValidateContent()
    {
        var v = new RequestValidation();
        v.Text("title", Title, AgreementLimits.MaxTitleLength, required: true);
        v.List("areas", Areas, AgreementLimits.MaxAreas, AgreementLimits.MaxAreaLength, required: true);
        v.Text("text", Text, AgreementLimits.MaxTextLength, required: true);
        return v;
    }
}
