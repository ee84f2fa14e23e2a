using Collaboration.Grains.Domain.Eligibility;

namespace Collaboration.Grains.Projects;

/// <summary>A project as its page shows it: the snapshot, its events' ids by start date (cancelled ones too), and its eligibility now.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ProjectView")]
public sealed record ProjectView(ProjectSnapshot Snapshot, IReadOnlyList<string> Events, EligibilityResult Eligibility);
