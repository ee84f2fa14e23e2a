using Collaboration.Grains.Agreements;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Alerts;

[GrainType("alert-watch")]
public sealed class AlertWatchGrain(
    [PersistentState("watch", GrainStorage.Name)] IPersistentState<AlertWatchState> watch,
    IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IAlertWatchGrain, IRemindable
{
    public const string ReminderName = "evaluate";

    /// <summary>A reminder that fired while its grain could not evaluate comes back after this long.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromDays(1);

    /// <summary>Activity is stored at most once a day per partner: silence is counted in days.</summary>
    private static readonly TimeSpan ActivityResolution = TimeSpan.FromDays(1);

    private DateTimeOffset? _lastActivity;

    private string Subject => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<Alert>> EvaluateAsync()
    {
        var now = clock.GetUtcNow();
        var evaluation = await EvaluateRulesAsync(now);
        var state = watch.State;
        var alerts = evaluation.Findings.Select(finding =>
        {
            var open = state.Alerts.FirstOrDefault(a => a.Code == finding.Code);
            return new Alert(finding.Code, finding.Severity, Subject, finding.Detail, open?.Since ?? SinceOf(finding, now));
        }).ToList();

        var reminderChanged = evaluation.NextBoundary != state.ReminderDue;
        if (reminderChanged)
        {
            await ScheduleAsync(evaluation.NextBoundary, now);
        }

        if (reminderChanged || !alerts.SequenceEqual(state.Alerts) || state.LastActivity != _lastActivity)
        {
            state.Alerts = alerts;
            state.EvaluatedAt = now;
            state.ReminderDue = evaluation.NextBoundary;
            state.LastActivity = _lastActivity;
            await watch.WriteStateAsync();
        }

        return alerts;
    }

    public async Task TouchAsync(DateTimeOffset at)
    {
        var known = _lastActivity ?? watch.State.LastActivity;
        if (known is { } k && at <= k)
        {
            return;
        }

        _lastActivity = at;
        if (watch.State.Alerts.Count > 0 || watch.State.LastActivity is not { } stored || at - stored >= ActivityResolution)
        {
            await EvaluateAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await EvaluateAsync();
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastActivity = watch.State.LastActivity;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A finding tied to a boundary began at it if the boundary came after the last evaluation; otherwise a change
    /// caused it (the last evaluation did not find it) and it begins now.
    /// </summary>
    private DateTimeOffset SinceOf(AlertFinding finding, DateTimeOffset now) =>
        finding.Since is { } boundary && (watch.State.EvaluatedAt is not { } last || boundary > last) && boundary <= now ? boundary : now;

    private async Task ScheduleAsync(DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is { } at)
        {
            var wait = at - now;
            await this.RegisterOrUpdateReminder(ReminderName, wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), ReminderPeriod);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task<AlertEvaluation> EvaluateRulesAsync(DateTimeOffset now)
    {
        var slash = Subject.IndexOf('/', StringComparison.Ordinal);
        var (kind, id) = slash < 0 ? (Subject, "") : (Subject[..slash], Subject[(slash + 1)..]);
        return kind switch
        {
            "project" => ProjectAsync(id, now),
            "municipality" => PartnerAsync(id, now),
            "agreement" => AgreementAsync(id, now),
            _ => Task.FromResult(new AlertEvaluation([], null)),
        };
    }

    private async Task<AlertEvaluation> ProjectAsync(string id, DateTimeOffset now)
    {
        if (await GrainFactory.GetGrain<IProjectGrain>(id).GetAsync() is not { } project)
        {
            return new AlertEvaluation([], null);
        }

        var network = await index.PartnersByIdAsync();
        var partners = project.Definition.Partners
            .Select(p => new EligibilityPartner(p, network.TryGetValue(p, out var partner) ? partner.Profile.Country : ""))
            .ToList();
        var events = EventEligibility.From(await index.ProjectEventsAsync(id), network);
        return AlertRules.ForProject(project.Definition, partners, events, now);
    }

    private async Task<AlertEvaluation> PartnerAsync(string id, DateTimeOffset now)
    {
        // From the partners index (one cached read for every watch): whether the partner is deactivated. Its
        // deactivation is committed with its activity record, so the router's call after that record finds it here.
        var deactivatedAt = (await index.PartnersByIdAsync()).TryGetValue(id, out var partner) ? partner.DeactivatedAt : null;
        var last = _lastActivity;
        if (last is null)
        {
            // Not seen active yet: quiet is counted from its registration.
            last = (await GrainFactory.GetGrain<IMunicipalityGrain>(id).GetAsync())?.CreatedAt;
        }

        return last is { } at ? AlertRules.ForPartner(at, now, deactivatedAt) : new AlertEvaluation([], null);
    }

    private async Task<AlertEvaluation> AgreementAsync(string id, DateTimeOffset now)
    {
        try
        {
            return AlertRules.ForAgreement(await GrainFactory.GetGrain<IAgreementGrain>(id).GetAsync(), now);
        }
        catch (ResourceNotFoundException)
        {
            return new AlertEvaluation([], null);
        }
    }
}
