using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Exchanges;

/// <summary>
/// A posted exchange. It calls the author's municipality, the project and the activity log, none of which calls
/// exchanges, so no call can come back to it (reply and adoption grains call it, it never calls them).
/// </summary>
// Thousands are posted and each is read now and then, through the catalogue's indexes more than through its grain:
// a posted one leaves memory as soon as its post is answered, and one read again after two idle minutes rather than
// the silo's fifteen.
[GrainType("exchange")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class ExchangeGrain([PersistentState("exchange", GrainStorage.Name)] IPersistentState<ExchangeState> exchange,
    IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IExchangeGrain
{
    public async Task<ExchangeRecord> PostAsync(Actor actor, NewExchange draft, string? creationRequest = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.Municipality || actor.MunicipalityId is not { } author)
        {
            throw new ForbiddenException("Exchanges are posted by a partner in its own name; coordinators do not post them.");
        }

        var valid = ExchangeValidation.Normalize(draft);
        if (exchange.State.Id is not null)
        {
            if (creationRequest is not null && exchange.State.CreationRequest == creationRequest)
            {
                return exchange.State.ToRecord()!;
            }

            throw new ConflictException($"Exchange '{this.GetPrimaryKeyString()}' has already been posted.");
        }

        var municipality = await GrainFactory.GetGrain<IMunicipalityGrain>(author).GetAsync()
            ?? throw new ForbiddenException($"'{author}' is not a registered partner of the network.");
        if (valid.ProjectId is { } projectId)
        {
            var project = await GrainFactory.GetGrain<IProjectGrain>(projectId).GetAsync()
                ?? throw new DomainValidationException("projectId", $"There is no project '{projectId}'.");
            if (!project.Definition.Partners.Contains(author, StringComparer.Ordinal))
            {
                throw new ForbiddenException($"'{author}' is not a partner of project '{projectId}', so it cannot post an exchange tied to it.");
            }
        }

        var state = new ExchangeState
        {
            Id = this.GetPrimaryKeyString(),
            Kind = valid.Kind!.Value,
            Title = valid.Title,
            Summary = valid.Summary,
            Body = valid.Body,
            Themes = [.. valid.Themes],
            Author = author,
            AuthorCountry = municipality.Profile.Country,
            ProjectId = valid.ProjectId,
            Language = valid.Language,
            CreatedAt = clock.GetUtcNow(),
            CreationRequest = creationRequest,
        };
        var record = state.ToRecord()!;
        var previous = exchange.State;
        exchange.State = state;
        try
        {
            // One commit for the exchange and its activity record; the author's grain was just asked, so its name needs no index read.
            await exchange.WriteStateAndRecordAsync(
                "exchange.posted", actor, $"exchange/{record.Id}", $"{PartnerNames.Of(author, municipality.Profile.Name)} posted {ExchangeIndex.Name(record.Kind)} «{record.Title}»");
        }
        catch
        {
            // Nothing was stored: the grain must not answer with an exchange that does not exist.
            exchange.State = previous;
            throw;
        }

        // Posting is bursty (a partner's backlog, a migration) and a new exchange is read through the indexes: kept
        // for two idle minutes, 100,000 of them held half a gigabyte. A later call activates it again from storage.
        DeactivateOnIdle();
        return record;
    }

    public Task<ExchangeRecord?> GetAsync()
    {
        if (exchange.State.Id is null)
        {
            // Nothing here (a made-up id): do not keep an empty activation around.
            DeactivateOnIdle();
        }

        return Task.FromResult(exchange.State.ToRecord());
    }

    public async Task<ExchangeRecord> EditAsync(Actor actor, NewExchange draft, int? expectedRevision)
    {
        var state = Existing();
        if (!actor.Is(state.Author))
        {
            throw new ForbiddenException($"Only its author, '{state.Author}', may edit exchange '{state.Id}'.");
        }

        if (state.Withdrawn)
        {
            throw new ConflictException($"Exchange '{state.Id}' was withdrawn and can no longer be edited.");
        }

        if (expectedRevision is { } expected && expected != state.Revision)
        {
            throw new PreconditionFailedException($"Exchange '{state.Id}' changed since it was read; read it again.");
        }

        var valid = ExchangeValidation.Normalize(draft with { ProjectId = draft.ProjectId ?? state.ProjectId });
        if (valid.ProjectId != state.ProjectId)
        {
            throw new DomainValidationException("projectId", "An exchange stays with the project it was posted in; leave projectId out or repeat it.");
        }

        state.Kind = valid.Kind!.Value;
        state.Title = valid.Title;
        state.Summary = valid.Summary;
        state.Body = valid.Body;
        state.Themes = [.. valid.Themes];
        state.Language = valid.Language;
        return await ChangeAsync(state, new ActivityEntry("exchange.edited", actor.ToString(), $"exchange/{state.Id}", $"{await index.PartnerNameAsync(state.Author)} edited «{state.Title}»"));
    }

    public async Task<ExchangeRecord> WithdrawAsync(Actor actor)
    {
        var state = Existing();
        if (!actor.IsCoordinator && !actor.Is(state.Author))
        {
            throw new ForbiddenException($"Only its author, '{state.Author}', or the coordinator may withdraw exchange '{state.Id}'.");
        }

        if (state.Withdrawn)
        {
            return state.ToRecord()!;
        }

        state.Withdrawn = true;
        return await ChangeAsync(state, new ActivityEntry("exchange.withdrawn", actor.ToString(), $"exchange/{state.Id}", $"«{state.Title}» by {await index.PartnerNameAsync(state.Author)} was withdrawn"));
    }

    private ExchangeState Existing() =>
        exchange.State.Id is null ? throw new ResourceNotFoundException("exchange", this.GetPrimaryKeyString()) : exchange.State;

    /// <summary>Writes the changed state with the record of its change.</summary>
    private async Task<ExchangeRecord> ChangeAsync(ExchangeState state, ActivityEntry activity)
    {
        state.Revision++;
        state.UpdatedAt = clock.GetUtcNow();
        try
        {
            await exchange.WriteStateAndRecordAsync(activity);
        }
        catch
        {
            // Nothing was stored: read back what is, rather than answer later with a change that was not made.
            await exchange.ReadStateAsync();
            throw;
        }

        return state.ToRecord()!;
    }
}
