using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Exchanges;

/// <summary>One knowledge exchange, keyed by its server-assigned id (<see cref="ExchangeIds.NewExchangeId"/>).</summary>
public interface IExchangeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Posts the exchange with the acting municipality as its author. 403 for a coordinator or for a project the
    /// author is not a partner of; 400 for invalid fields or an unknown project; 409 when this id already holds an exchange.
    /// </summary>
    /// <remarks>Posted again with the same <paramref name="creationRequest"/> (a retry whose answer was lost), it answers the exchange as posted.</remarks>
    Task<ExchangeRecord> PostAsync(Actor actor, NewExchange draft, string? creationRequest = null);

    /// <summary>The exchange, or null when none was posted under this id.</summary>
    Task<ExchangeRecord?> GetAsync();
}
