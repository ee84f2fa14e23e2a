using Collaboration.Grains.Agreements;
using Collaboration.Grains.Events;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Projects;

namespace Collaboration.Grains.Attention;

/// <summary>What routing an activity record needs to know about the resources it names; null when there is no such resource.</summary>
public interface IAttentionFacts
{
    Task<ExchangeRecord?> ExchangeAsync(string exchangeId);

    Task<EventSnapshot?> EventAsync(string eventId);

    Task<ProjectSnapshot?> ProjectAsync(string projectId);

    Task<Agreement?> AgreementAsync(string agreementId);
}
