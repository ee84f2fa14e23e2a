namespace Collaboration.Grains.Municipalities;

/// <summary>A partner as its page shows it: the snapshot with the ids of its projects and of the agreements it is a party to.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.MunicipalityView")]
public sealed record MunicipalityView(MunicipalitySnapshot Snapshot, IReadOnlyList<string> Projects, IReadOnlyList<string> Agreements);
