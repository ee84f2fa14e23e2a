using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Exchanges;

/// <summary>One reply to an exchange, keyed by its server-assigned id (<see cref="ExchangeIds.NewReplyId"/>).</summary>
public interface IReplyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Posts the reply with the acting municipality as its author. 403 for a coordinator, 404 for an unknown
    /// exchange, 400 for an empty or long body, 409 when this id already holds a reply.
    /// </summary>
    /// <remarks>Posted again with the same <paramref name="creationRequest"/> (a retry whose answer was lost), it answers the reply as posted.</remarks>
    Task<ReplyRecord> PostAsync(Actor actor, string exchangeId, string body, string? creationRequest = null);

    Task<ReplyRecord?> GetAsync();
}
