using Collaboration.Grains.Domain;

namespace Collaboration.Grains.Agreements;

/// <summary>
/// Checks and normalises what clients send for an agreement. Names and areas are trimmed; the text is kept
/// exactly as written, since that is what the parties sign. Field names are those of the JSON bodies.
/// </summary>
internal static partial class AgreementInput
{
    public static AgreementContent Content(AgreementContent? content, ValidationErrors errors)
    {
        var title = content?.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add("title", "A title is required.");
        }
        else if (title.Length > AgreementLimits.MaxTitleLength)
        {
            errors.Add("title", $"A title has at most {AgreementLimits.MaxTitleLength} characters.");
        }

        var areas = new List<string>();
        if (content?.Areas is not { Count: > 0 } given)
        {
            errors.Add("areas", "List at least one area of cooperation.");
        }
        else if (given.Count > AgreementLimits.MaxAreas)
        {
            errors.Add("areas", $"An agreement lists at most {AgreementLimits.MaxAreas} areas.");
        }
        else
        {
            foreach (var raw in given)
            {
                var area = raw?.Trim() ?? "";
                if (area.Length == 0)
                {
                    errors.Add("areas", "An area must not be empty.");
                }
                else if (area.Length > AgreementLimits.MaxAreaLength)
                {
                    errors.Add("areas", $"An area has at most {AgreementLimits.MaxAreaLength} characters: '{area[..20]}...'.");
                }
                else if (areas.Contains(area, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add("areas", $"The area '{area}' is listed twice.");
                }
                else
                {
                    areas.Add(area);
                }
            }
        }

        var text = content?.Text ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("text", "The text of the agreement is required.");
        }
        else if (text.Length > AgreementLimits.MaxTextLength)
        {
            errors.Add("text", $"The text has at most {AgreementLimits.MaxTextLength} characters; this one has {text.Length}.");
        }

        return new AgreementContent(title, areas, text);
    }

    public static IReadOnlyList<string> Parties(IReadOnlyList<string>? parties, ValidationErrors errors)
    {
        if (parties is null || parties.Count < AgreementLimits.MinParties)
        {
            errors.Add("parties", $"An agreement has at least {AgreementLimits.MinParties} parties.");
            return [];
        }

        if (parties.Count > AgreementLimits.MaxParties)
        {
            errors.Add("parties", $"An agreement has at most {AgreementLimits.MaxParties} parties.");
            return [];
        }

        var distinct = new List<string>();
        foreach (var party in parties)
        {
            if (!IsMunicipalityId(party))
            {
                errors.Add("parties", $"'{party}' is not a partner id (lower-case letters, digits and hyphens).");
            }
            else if (distinct.Contains(party, StringComparer.Ordinal))
            {
                errors.Add("parties", $"'{party}' is listed twice.");
            }
            else
            {
                distinct.Add(party);
            }
        }

        return distinct;
    }

    public static AgreementSignature Signature(AgreementSignature? signature, ValidationErrors errors)
    {
        var signatory = Required(signature?.Signatory, "signatory", "The name of the person signing", AgreementLimits.MaxSignatoryLength, errors);
        var role = Required(signature?.Role, "role", "The signatory's role", AgreementLimits.MaxRoleLength, errors);
        return new AgreementSignature(signatory, role);
    }

    public static void MunicipalityId(string? municipalityId, string field, ValidationErrors errors)
    {
        if (!IsMunicipalityId(municipalityId))
        {
            errors.Add(field, $"'{municipalityId}' is not a partner id (lower-case letters, digits and hyphens).");
        }
    }

    private static string Required(string? value, string field, string what, int maxLength, ValidationErrors errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(field, $"{what} is required.");
        }
        else if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"{what} has at most {maxLength} characters.");
        }

        return trimmed;
    }

    private static bool IsMunicipalityId(string? value) => Slug.IsValid(value);
}
