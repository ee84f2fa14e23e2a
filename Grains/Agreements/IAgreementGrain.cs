using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Agreements;

/// <summary>
/// One partnership agreement, keyed by its id (<see cref="AgreementIds.New"/>). Every method but
/// <see cref="DraftAsync"/> answers <see cref="Errors.ResourceNotFoundException"/> for an agreement never drafted;
/// refusals are the domain errors of <see cref="Agreement"/> (400, 403, 409).
/// </summary>
public interface IAgreementGrain : IGrainWithStringKey
{
    /// <summary>
    /// Drafts the agreement (coordinator or one of the parties); the parties must be existing municipalities.
    /// When the agreement exists and was drafted with the same <paramref name="creationRequest"/> (a retry of one
    /// request whose answer was lost), it is returned as it is now instead of a conflict.
    /// </summary>
    Task<Agreement> DraftAsync(Actor actor, AgreementContent content, IReadOnlyList<string> parties, string? creationRequest = null);

    Task<Agreement> GetAsync();

    /// <summary>The acting party signs for itself.</summary>
    Task<Agreement> SignAsync(Actor actor, AgreementSignature signature);

    /// <summary>
    /// Replaces title, areas and text while open, clearing the signatures; <paramref name="expectedVersion"/>,
    /// when given, must be the current <see cref="Agreement.ETagVersion"/> (else <see cref="Errors.PreconditionFailedException"/>).
    /// </summary>
    Task<Agreement> AmendAsync(Actor actor, AgreementContent content, string? expectedVersion);

    /// <summary>Admits an existing municipality as a party that has not signed yet (coordinator, or a party that signed).</summary>
    Task<Agreement> AccedeAsync(Actor actor, string municipalityId);

    /// <summary>The acting party withdraws itself.</summary>
    Task<Agreement> WithdrawAsync(Actor actor, string municipalityId);

    /// <summary>History entries numbered after <paramref name="after"/>, oldest first, at most <paramref name="limit"/> (1 to 1000).</summary>
    Task<IReadOnlyList<AgreementHistoryEntry>> GetHistoryAsync(long after, int limit);
}
