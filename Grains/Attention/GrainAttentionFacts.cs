using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Projects;

namespace Collaboration.Grains.Attention;

/// <summary>
/// The facts read from the grains that own them, each at most once per batch of records (a batch often names the
/// same exchange or project many times).
/// </summary>
internal sealed class GrainAttentionFacts(IGrainFactory grains) : IAttentionFacts
{
    private readonly Dictionary<string, Task<ExchangeRecord?>> _exchanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<EventSnapshot?>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<ProjectSnapshot?>> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<Agreement?>> _agreements = new(StringComparer.Ordinal);

    public Task<ExchangeRecord?> ExchangeAsync(string exchangeId) =>
        Once(_exchanges, exchangeId, id => grains.GetGrain<IExchangeGrain>(id).GetAsync());

    public Task<EventSnapshot?> EventAsync(string eventId) =>
        Once(_events, eventId, id => grains.GetGrain<IEventGrain>(id).GetAsync());

    public Task<ProjectSnapshot?> ProjectAsync(string projectId) =>
        Once(_projects, projectId, id => grains.GetGrain<IProjectGrain>(id).GetAsync());

    public Task<Agreement?> AgreementAsync(string agreementId) =>
        Once(_agreements, agreementId, async id =>
        {
            try
            {
                return await grains.GetGrain<IAgreementGrain>(id).GetAsync();
            }
            catch (ResourceNotFoundException)
            {
                return null;
            }
        });

    private static Task<T?> Once<T>(Dictionary<string, Task<T?>> known, string id, Func<string, Task<T?>> read)
        where T : class
    {
        if (id.Length == 0)
        {
            return Task.FromResult<T?>(null);
        }

        if (!known.TryGetValue(id, out var task))
        {
            task = read(id);
            known[id] = task;
        }

        return task;
    }
}
