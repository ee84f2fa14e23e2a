namespace Collaboration.Grains.Agreements;

/// <summary>
/// The outcome of a transition: the agreement as it is now and what happened, in order. No events means that
/// nothing changed (an amendment to the same content), so there is nothing to store.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.AgreementChange")]
public sealed record AgreementChange(Agreement Agreement, IReadOnlyList<AgreementEvent> Events)
{
    public bool HasChanges => Events.Count > 0;
}
