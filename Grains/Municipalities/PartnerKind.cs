namespace Collaboration.Grains.Municipalities;

/// <summary>What kind of body a partner is; most are municipalities, but networks also take regions, agencies, associations and NGOs.</summary>
[GenerateSerializer, Alias("collaboration.PartnerKind")]
public enum PartnerKind
{
    Municipality,
    Region,
    Agency,
    Association,
    Ngo,
}
