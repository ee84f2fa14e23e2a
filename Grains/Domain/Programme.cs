namespace Collaboration.Grains.Domain;

/// <summary>The funding programme of a project; serialized camelCase (<c>europeForCitizens</c>, <c>cerv</c>, <c>other</c>).</summary>
[GenerateSerializer, Alias("collaboration.Programme")]
public enum Programme
{
    EuropeForCitizens,
    Cerv,
    Other,
}
