using System.Text.Json;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Collaboration.Grains.Webhooks;

/// <summary>
/// A webhook's outbox and its delivery. Payloads are appended to the webhook's own log, numbered by this grain, their
/// only writer; one delivery loop at a time sends them in order, each until the receiver answers 2xx or its retry
/// period (on the domain clock, from when it was queued) is over. The loop runs beside the grain's calls (its awaits
/// free the activation), so queuing never waits for a receiver; a durable reminder wakes the grain while deliveries
/// are pending, so a restart or a crash loses none.
/// </summary>
[GrainType("webhook")]
public sealed class WebhookGrain(
    [PersistentState("webhook", GrainStorage.Name)] IPersistentState<WebhookState> webhook,
    IAppendLog log,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    TimeProvider runtimeClock) : Grain, IWebhookGrain, IRemindable
{
    public const string ReminderName = "deliver";

    private Task _delivering = Task.CompletedTask;
    private Task _saving = Task.CompletedTask;
    private Task _reminderChange = Task.CompletedTask;
    private long _last;
    private long _lastSource;
    private bool _lastUnknown = true;
    private bool _reminderOn;
    private CancellationTokenSource _stop = new();

    private string LogName => "webhook/" + this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await EnsureLastKnownAsync();
        Kick();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _delivering;
    }

    public async Task<WebhookRegistration> CreateAsync(string owner, string url, IReadOnlyList<string> kinds, string secret)
    {
        if (webhook.State.Owner is not null)
        {
            throw new ConflictException($"A webhook with id '{this.GetPrimaryKeyString()}' already exists.");
        }

        webhook.State.Owner = owner;
        webhook.State.Url = url;
        webhook.State.Kinds = [.. kinds];
        webhook.State.Secret = secret;
        webhook.State.CreatedAt = clock.GetUtcNow();
        await SaveAsync();
        return Registration()!;
    }

    public Task<WebhookRegistration?> GetAsync() => Task.FromResult(Registration());

    public async Task DeleteAsync()
    {
        if (webhook.State.Owner is null || webhook.State.Deleted)
        {
            return;
        }

        webhook.State.Deleted = true;
        await SaveAsync();
        await _stop.CancelAsync();
        await SyncReminderAsync();
    }

    public async Task EnqueueAsync(IReadOnlyList<WebhookPayload> payloads)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        if (Registration() is null)
        {
            return;
        }

        await EnsureLastKnownAsync();
        var fresh = new List<WebhookPayload>();
        foreach (var payload in payloads.OrderBy(p => p.SourceSeq))
        {
            if (payload.SourceSeq > (fresh.Count > 0 ? fresh[^1].SourceSeq : _lastSource))
            {
                fresh.Add(payload);
            }
        }

        if (fresh.Count == 0)
        {
            return;
        }

        var at = clock.GetUtcNow();
        var records = fresh.Select((p, i) => new OutboxRecord(_last + 1 + i, p.SourceSeq, p.Kind, p.Body, at)).ToList();
        try
        {
            await log.AppendAsync(LogName, records.Select(r => new LogRecord(r.Id, r.At, JsonSerializer.Serialize(r, GrainStateSerializer.Options))).ToList());
        }
        catch
        {
            _lastUnknown = true;
            throw;
        }

        _last = records[^1].Id;
        _lastSource = records[^1].SourceSeq;
        await SyncReminderAsync();
        Kick();
    }

    public async Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(int limit)
    {
        await EnsureLastKnownAsync();
        limit = Math.Clamp(limit, 1, WebhookState.MaxOutcomes);
        var from = Math.Max(0, _last - limit);
        var records = (await log.ReadAsync(LogName, from, (int)(_last - from))).Select(Parse).Reverse();
        var state = webhook.State;
        var outcomes = state.Outcomes.ToDictionary(o => o.Id);
        return records.Select(r => r.Id <= state.FinishedUpTo
                ? outcomes.TryGetValue(r.Id, out var o)
                    ? new WebhookDelivery(r.Id, r.Kind, o.Status, o.Attempts, r.At, o.LastAttemptAt, o.LastError)
                    : new WebhookDelivery(r.Id, r.Kind, WebhookDeliveryStatus.Delivered, 1, r.At, null, null)
                : r.Id == state.FinishedUpTo + 1
                    ? new WebhookDelivery(r.Id, r.Kind, WebhookDeliveryStatus.Pending, state.HeadAttempts, r.At, state.HeadLastAttemptAt, state.HeadLastError)
                    : new WebhookDelivery(r.Id, r.Kind, WebhookDeliveryStatus.Pending, 0, r.At, null, null))
            .ToList();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Being active is what the reminder is for: activation started the loop if anything is pending.
        _reminderOn = true;
        Kick();
        return Task.CompletedTask;
    }

    private WebhookRegistration? Registration()
    {
        var s = webhook.State;
        return s.Owner is null || s.Deleted ? null : new WebhookRegistration(this.GetPrimaryKeyString(), s.Owner, s.Url!, s.Kinds, s.CreatedAt);
    }

    /// <summary>Deliveries are queued and the webhook is not deleted.</summary>
    private bool Pending => Registration() is not null && webhook.State.FinishedUpTo < _last;

    private void Kick()
    {
        if (_delivering.IsCompleted && Pending)
        {
            if (_stop.IsCancellationRequested)
            {
                _stop = new CancellationTokenSource();
            }

            // Started on this activation's scheduler: its continuations run here, between the grain's calls.
            _delivering = DeliverOrStopAsync(_stop.Token);
        }
    }

    /// <summary>A loop stopped by deactivation or a storage failure ends quietly: the reminder (or the next payload) resumes it.</summary>
    private async Task DeliverOrStopAsync(CancellationToken stop)
    {
        try
        {
            // Payloads queued while the loop was finishing are not left behind.
            do
            {
                await DeliverAllAsync(stop);
                await SyncReminderAsync();
            }
            while (!stop.IsCancellationRequested && Pending);
        }
        catch (Exception e) when (e is OperationCanceledException or StorageUnavailableException or OrleansException or InconsistentStateException)
        {
            _lastUnknown = true;
        }
    }

    private async Task DeliverAllAsync(CancellationToken stop)
    {
        var state = webhook.State;
        while (!stop.IsCancellationRequested && Pending)
        {
            var next = (await log.ReadAsync(LogName, state.FinishedUpTo, 1)).Select(Parse).Single();
            var error = await sender.SendAsync(state.Url!, next.Id, next.Body, state.Secret!);
            var now = clock.GetUtcNow();
            state.HeadAttempts++;
            state.HeadLastAttemptAt = now;
            state.HeadLastError = error;
            if (error is null || now - next.At >= options.Value.RetryFor)
            {
                Finish(next.Id, error is null ? WebhookDeliveryStatus.Delivered : WebhookDeliveryStatus.Failed);
                await SaveAsync();
                continue;
            }

            await SaveAsync();
            await Task.Delay(Backoff(state.HeadAttempts), runtimeClock, stop);
        }
    }

    private void Finish(long id, WebhookDeliveryStatus status)
    {
        var state = webhook.State;
        state.Outcomes.Add(new WebhookOutcome(id, status, state.HeadAttempts, state.HeadLastAttemptAt!.Value, state.HeadLastError));
        if (state.Outcomes.Count > WebhookState.MaxOutcomes)
        {
            state.Outcomes.RemoveAt(0);
        }

        state.FinishedUpTo = id;
        state.HeadAttempts = 0;
        state.HeadLastAttemptAt = null;
        state.HeadLastError = null;
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = options.Value.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    /// <summary>One state write at a time: the delivery loop and the grain's calls both write.</summary>
    private Task SaveAsync()
    {
        _saving = SaveAfterAsync(_saving);
        return _saving;
    }

    private async Task SaveAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The previous write's caller saw its failure; this write is tried on its own.
        }

        await webhook.WriteStateAsync();
    }

    /// <summary>
    /// Has the reminder registered exactly while deliveries are pending. Changes run one after another and each looks at
    /// the state when it runs, so a late "off" never removes the reminder a new payload needed.
    /// </summary>
    private Task SyncReminderAsync()
    {
        _reminderChange = SyncAfterAsync(_reminderChange);
        return _reminderChange;
    }

    private async Task SyncAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The previous change's caller saw its failure; this one looks at the state afresh.
        }

        var on = Pending;
        if (on == _reminderOn)
        {
            return;
        }

        if (on)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.WakePeriod, options.Value.WakePeriod);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderOn = on;
    }

    private async Task EnsureLastKnownAsync()
    {
        if (!_lastUnknown)
        {
            return;
        }

        var newest = await log.ReadLastAsync(LogName);
        _last = newest?.Sequence ?? 0;
        _lastSource = newest is null ? 0 : Parse(newest).SourceSeq;

        // A grain woken with deliveries pending has its reminder (it was registered when they were queued).
        _reminderOn = Pending;
        _lastUnknown = false;
    }

    private static OutboxRecord Parse(LogRecord record) =>
        JsonSerializer.Deserialize<OutboxRecord>(record.Payload, GrainStateSerializer.Options)
        ?? throw new InvalidDataException($"Outbox record {record.Sequence} is empty.");
}
