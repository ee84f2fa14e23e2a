using System.Text.Json;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Alerts;
using Collaboration.Grains.Inbox;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Webhooks;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Attention;

/// <summary>
/// Routes the activity log, a page at a time, one routing at a time: calls that arrive meanwhile wait for the
/// routing under way and ask for another. Every turn runs on the activation's one scheduler, so the fields need no lock.
/// </summary>
[GrainType("attention-router")]
public sealed partial class AttentionRouterGrain(
    [PersistentState("router", GrainStorage.Name)] IPersistentState<AttentionRouterState> router,
    IAppendLog log,
    IGrainIndex index,
    ILogger<AttentionRouterGrain> logger) : Grain, IAttentionRouterGrain
{
    private const int PageSize = 200;

    private readonly List<(long Sequence, TaskCompletionSource Done)> _waiting = [];
    private Task _routing = Task.CompletedTask;
    private bool _again;

    public async Task<long> CatchUpAsync()
    {
        Kick();
        await _routing;
        return router.State.Position;
    }

    public Task WaitForAsync(long sequence)
    {
        if (router.State.Position >= sequence)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((sequence, done));
        Kick();
        return done.Task;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _routing;

    private void Kick()
    {
        if (_routing.IsCompleted)
        {
            // Started on this activation's scheduler, so its continuations stay there too.
            _routing = RouteAllAsync();
        }
        else
        {
            _again = true;
        }
    }

    private async Task RouteAllAsync()
    {
        do
        {
            _again = false;
            try
            {
                while (await RoutePageAsync() == PageSize)
                {
                }
            }
            catch (Exception e)
            {
                LogRoutingFailed(e, router.State.Position);
                Release(long.MaxValue);
                return;
            }

            Release(router.State.Position);
        }
        while (_again);
    }

    private async Task<int> RoutePageAsync()
    {
        var records = await log.ReadActivityAsync(router.State.Position, PageSize);
        if (records.Count == 0)
        {
            return 0;
        }

        var facts = new GrainAttentionFacts(GrainFactory);
        var routed = await Task.WhenAll(records.Select(r => InboxRouting.RouteAsync(r, facts)));
        var partners = await index.PartnersByIdAsync();
        var byRecipient = routed.SelectMany(d => d)
            .Where(d => InboxRouting.Receives(d.Recipient, partners))
            .GroupBy(d => d.Recipient, StringComparer.Ordinal);
        await Task.WhenAll(byRecipient.Select(group =>
            GrainFactory.GetGrain<IInboxGrain>(group.Key).DeliverAsync(group.Select(d => d.Notice).ToList())));

        // The coordinator's webhooks receive activity records of the kinds they chose.
        await GrainFactory.GetGrain<IWebhookOwnerGrain>(IWebhookOwnerGrain.Coordinator).OfferAsync(records
            .Select(r => new WebhookPayload(r.Seq, r.Type, JsonSerializer.Serialize(r, GrainStateSerializer.Options)))
            .ToList());

        var triggers = await AlertTriggers.FindAsync(records, facts, index);
        await Task.WhenAll(triggers.ActivePartners.Select(p => Watch("municipality/" + p.Key).TouchAsync(p.Value)));
        await Task.WhenAll(triggers.Subjects.Select(subject => Watch(subject).EvaluateAsync()));

        router.State.Position = records[^1].Seq;
        await router.WriteStateAsync();
        return records.Count;
    }

    private IAlertWatchGrain Watch(string subject) => GrainFactory.GetGrain<IAlertWatchGrain>(subject);

    /// <summary>Lets go of the callers waiting for records up to <paramref name="position"/>.</summary>
    private void Release(long position)
    {
        for (var i = _waiting.Count - 1; i >= 0; i--)
        {
            if (_waiting[i].Sequence <= position)
            {
                _waiting[i].Done.TrySetResult();
                _waiting.RemoveAt(i);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing the activity log after record {Position} failed; it is tried again with the next activity")]
    private partial void LogRoutingFailed(Exception exception, long position);
}
