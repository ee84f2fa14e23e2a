namespace Collaboration.Grains.Exchanges;

/// <summary>How far a town has come in replicating another town's practice (see <see cref="AdoptionRules"/>).</summary>
[GenerateSerializer, Alias("collaboration.AdoptionStatus")]
public enum AdoptionStatus
{
    Interested,
    Adapting,
    Implemented,
    Abandoned,
}
