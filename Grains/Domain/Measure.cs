namespace Collaboration.Grains.Domain;

/// <summary>The programme's measure a project is funded under; serialized camelCase (<c>networkOfTowns</c>, <c>townTwinning</c>, <c>other</c>).</summary>
[GenerateSerializer, Alias("collaboration.Measure")]
public enum Measure
{
    NetworkOfTowns,
    TownTwinning,
    Other,
}
