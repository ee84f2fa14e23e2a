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

    /// <summary>
    /// Replaces kind, title, summary, body, themes and language (its author only, 403 otherwise), at
    /// <paramref name="expectedRevision"/> when given (412 otherwise). The project stays; 409 once withdrawn.
    /// </summary>
    Task<ExchangeRecord> EditAsync(Actor actor, NewExchange draft, int? expectedRevision);

    /// <summary>Takes the exchange out of lists and search (its author or the coordinator); withdrawing again changes nothing.</summary>
    Task<ExchangeRecord> WithdrawAsync(Actor actor);
}
