using Collaboration.Grains.Access;
using Collaboration.Silo;

namespace Collaboration.Grains.Exchanges;

/// <summary>One knowledge exchange, keyed by its server-assigned id (<see cref="ExchangeIds.NewExchangeId"/>).</summary>
public interface IExchangeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Posts the exchange with the acting municipality as its author. 403 for a coordinator or for a project the
    /// author is not a partner of; 400 for invalid fields or an unknown project; 409 when this id already holds an exchange.
    /// </summary>
    Task<ExchangeRecord> PostAsync(Actor actor, NewExchange draft);

    /// <summary>The exchange, or null when none was posted under this id.</summary>
    Task<ExchangeRecord?> GetAsync();
}
