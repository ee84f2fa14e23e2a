using System.Text.Json;
using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Collaboration.Grains.Agreements;

/// <summary>
/// Keeps one agreement: runs its transitions (<see cref="Agreement"/>) one at a time, stores the result with
/// its index entry, and records every change in the agreement's history log and in the network's activity log.
/// The summaries of the changes name partners as the partners index names them now, which activates no partner.
/// </summary>
[GrainType("agreement")]
public sealed partial class AgreementGrain(
    [PersistentState("agreement", GrainStorage.Name)] IPersistentState<AgreementState> store,
    IAppendLog log,
    IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<AgreementGrain> logger) : Grain, IAgreementGrain
{
    private const int MaxHistoryPage = 1000;

    private readonly ILogger _logger = logger;

    /// <summary>The newest history entry known to be in the log.</summary>
    private long _published;

    /// <summary>The newest history entry known to be in the network's activity log.</summary>
    private long _announced;

    private string LogName => "agreement/" + this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Agreement is null)
        {
            return;
        }

        _published = _announced = await log.GetLastSequenceAsync(LogName, cancellationToken);
        await TryPublishAsync();
    }

    public async Task<Agreement> DraftAsync(Actor actor, AgreementContent content, IReadOnlyList<string> parties, string? creationRequest = null)
    {
        if (store.State.Agreement is { } existing)
        {
            return creationRequest is not null && store.State.CreationRequest == creationRequest
                ? existing
                : throw new ConflictException($"Agreement {this.GetPrimaryKeyString()} exists already.");
        }

        try
        {
            var change = Agreement.Draft(this.GetPrimaryKeyString(), actor, content, parties, clock.GetUtcNow(), await index.PartnerNamesAsync());
            await EnsureMunicipalitiesExistAsync([.. change.Agreement.Parties.Select(p => p.MunicipalityId)], "parties");
            return await CommitAsync(change, creationRequest);
        }
        finally
        {
            if (store.State.Agreement is null)
            {
                // A refused draft leaves no agreement behind; do not keep an empty activation around.
                DeactivateOnIdle();
            }
        }
    }

    public Task<Agreement> GetAsync() => Task.FromResult(Existing());

    public async Task<Agreement> SignAsync(Actor actor, AgreementSignature signature)
    {
        var agreement = Existing();
        return await CommitAsync(agreement.Sign(actor, signature, clock.GetUtcNow(), await index.PartnerNamesAsync()));
    }

    public async Task<Agreement> AmendAsync(Actor actor, AgreementContent content, string? expectedVersion)
    {
        var agreement = Existing();
        if (expectedVersion is not null && expectedVersion != agreement.ETagVersion)
        {
            throw new PreconditionFailedException(
                $"Agreement {agreement.Id} changed since version {expectedVersion} was read (it is at {agreement.ETagVersion}); read it again and retry.");
        }

        return await CommitAsync(agreement.Amend(actor, content, clock.GetUtcNow(), await index.PartnerNamesAsync()));
    }

    public async Task<Agreement> AccedeAsync(Actor actor, string municipalityId)
    {
        var agreement = Existing();
        var change = agreement.Accede(actor, municipalityId, clock.GetUtcNow(), await index.PartnerNamesAsync());
        await EnsureMunicipalitiesExistAsync([municipalityId], "municipalityId");
        return await CommitAsync(change);
    }

    public async Task<Agreement> WithdrawAsync(Actor actor, string municipalityId)
    {
        var agreement = Existing();
        return await CommitAsync(agreement.Withdraw(actor, municipalityId, clock.GetUtcNow(), await index.PartnerNamesAsync()));
    }

    public async Task<IReadOnlyList<AgreementHistoryEntry>> GetHistoryAsync(long after, int limit)
    {
        Existing();

        // Entries still in the outbox must be in the log before it is read, or the history would lag the state.
        await PublishAsync();
        var records = await log.ReadAsync(LogName, Math.Max(0, after), Math.Clamp(limit, 1, MaxHistoryPage));
        return records
            .Select(r => JsonSerializer.Deserialize<AgreementHistoryEntry>(r.Payload, GrainStateSerializer.Options)
                ?? throw new InvalidDataException($"History entry {r.Sequence} of {LogName} is null."))
            .ToList();
    }

    private Agreement Existing()
    {
        if (store.State.Agreement is { } agreement)
        {
            return agreement;
        }

        DeactivateOnIdle();
        throw new ResourceNotFoundException("agreement", this.GetPrimaryKeyString());
    }

    /// <summary>Stores the change with its history entries (numbered here), then publishes them.</summary>
    private async Task<Agreement> CommitAsync(AgreementChange change, string? creationRequest = null)
    {
        if (!change.HasChanges)
        {
            return change.Agreement;
        }

        var at = change.Agreement.UpdatedAt;
        var current = store.State;
        var entries = change.Events.Select((e, i) => AgreementHistoryEntry.Of(current.LastHistorySeq + 1 + i, at, e)).ToList();
        store.State = new AgreementState
        {
            Agreement = change.Agreement,
            LastHistorySeq = entries[^1].Seq,
            Unpublished = [.. current.Unpublished, .. entries],
            CreationRequest = creationRequest ?? current.CreationRequest,
        };
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Whether the write happened is unknown (a timeout may hide a commit): serve the next call from storage.
            store.State = current;
            DeactivateOnIdle();
            throw;
        }

        await TryPublishAsync();
        return change.Agreement;
    }

    /// <summary>
    /// Publishing after a committed change must not fail the call: the change stands and a client told otherwise
    /// would retry it. What is left unpublished goes out with the next change, history read or activation.
    /// </summary>
    private async Task TryPublishAsync()
    {
        try
        {
            await PublishAsync();
        }
        catch (Exception e)
        {
            LogPublishFailed(e, this.GetPrimaryKeyString(), store.State.Unpublished.Count);
        }
    }

    /// <summary>
    /// Appends the outbox to the network's activity log and to the agreement's history log. The history append
    /// comes last and marks an entry done, so after a crash an entry is never lost; its activity record may then
    /// be repeated, which a monitoring feed tolerates better than a gap.
    /// </summary>
    private async Task PublishAsync()
    {
        var outbox = store.State.Unpublished;
        while (outbox.Count > 0)
        {
            var entry = outbox[0];
            if (entry.Seq > _announced)
            {
                await GrainFactory.RecordActivityAsync(
                    AgreementEventTypes.ActivityPrefix + entry.Type, entry.Actor, "agreement/" + this.GetPrimaryKeyString(), entry.Summary,
                    entry.MunicipalityId);
                _announced = entry.Seq;
            }

            if (entry.Seq > _published)
            {
                try
                {
                    await log.AppendAsync(LogName, entry.Seq, entry.At, JsonSerializer.Serialize(entry, GrainStateSerializer.Options));
                }
                catch (InconsistentStateException)
                {
                    // The number is taken: an earlier attempt did append it (its answer was lost). This grain is the log's only writer.
                }

                _published = entry.Seq;
            }

            // Dropped in memory only; the next write of the state stores the shorter outbox.
            outbox.RemoveAt(0);
        }
    }

    /// <summary>Refuses ids that name no partner of the network.</summary>
    private async Task EnsureMunicipalitiesExistAsync(IReadOnlyList<string> municipalityIds, string field)
    {
        var found = await Task.WhenAll(municipalityIds.Select(id => GrainFactory.GetGrain<IMunicipalityGrain>(id).GetAsync()));
        var missing = municipalityIds.Where((_, i) => found[i] is null).ToList();
        if (missing.Count > 0)
        {
            throw new DomainValidationException(field, $"There is no partner {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agreement {AgreementId}: {Pending} history entries could not be published yet; they go out with the next change, history read or activation")]
    private partial void LogPublishFailed(Exception exception, string agreementId, int pending);
}
