using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Exchanges;

/// <summary>One town's adoption of one exchange, keyed <see cref="ExchangeIds.AdoptionKey"/> ("&lt;exchangeId&gt;~&lt;municipalityId&gt;").</summary>
public interface IAdoptionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets the status (see <see cref="AdoptionRules"/>) and records it with the note in the history.
    /// 403 unless the actor is the adopting municipality itself; 400 for an undefined status or a long note;
    /// 404 for an unknown exchange; 412 when <paramref name="expectedVersion"/> is given and is not the current
    /// version; 409 when the municipality is the exchange's author, when the exchange is a question, or when the
    /// move is not allowed.
    /// </summary>
    Task<AdoptionSnapshot> SetStatusAsync(Actor actor, AdoptionStatus status, string? note, string? expectedVersion = null);

    Task<AdoptionSnapshot?> GetAsync();
}
