using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Exchanges;

/// <summary>An adoption. It calls the exchange (which never calls adoptions) and the activity log.</summary>
[GrainType("exchange-adoption")]
public sealed class AdoptionGrain([PersistentState("adoption", GrainStorage.Name)] IPersistentState<AdoptionState> adoption,
    IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IAdoptionGrain
{
    public async Task<AdoptionSnapshot> SetStatusAsync(Actor actor, AdoptionStatus status, string? note, string? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (exchangeId, municipalityId) = ExchangeIds.ParseAdoptionKey(this.GetPrimaryKeyString())
            ?? throw new ResourceNotFoundException("adoption", this.GetPrimaryKeyString());
        if (!actor.Is(municipalityId))
        {
            throw new ForbiddenException($"Only '{municipalityId}' itself sets the status of its adoption.");
        }

        var text = ExchangeValidation.NormalizeAdoption(status, note);
        if (expectedVersion is not null && expectedVersion != adoption.Etag)
        {
            throw new PreconditionFailedException($"The adoption of '{exchangeId}' by '{municipalityId}' changed since version {expectedVersion}; read it again.");
        }

        var exchange = adoption.State.Exchange ?? await LoadExchangeAsync(exchangeId);
        if (exchange.Author == municipalityId)
        {
            // 409, not 403: the town acts for itself, which it may; what it asks contradicts the exchange.
            throw new ConflictException("A partner cannot adopt its own exchange; adoptions track replication by other partners.");
        }

        if (exchange.Kind == ExchangeKind.Question)
        {
            throw new ConflictException("A question is answered with replies, not adopted; adopt good practices, lessons learned or resources.");
        }

        AdoptionRules.EnsureAllowed(adoption.State.Status, status);

        var previous = adoption.State;
        var next = new AdoptionState
        {
            Exchange = exchange,
            MunicipalityId = municipalityId,
            Status = previous.Status,
            Since = previous.Since,
            History = [.. previous.History],
        };
        next.Record(status, text, clock.GetUtcNow());
        adoption.State = next;
        try
        {
            await adoption.WriteStateAndRecordAsync(
                "adoption.changed",
                actor,
                $"exchange/{exchangeId}",
                $"{await index.PartnerNameAsync(municipalityId)} set its adoption of «{exchange.Title}» ({await index.PartnerNameAsync(exchange.Author)}) to {ExchangeIndex.Name(status)}");
        }
        catch
        {
            adoption.State = previous;
            throw;
        }

        return new AdoptionSnapshot(next.ToRecord()!, adoption.Etag!);
    }

    public Task<AdoptionSnapshot?> GetAsync() =>
        Task.FromResult(adoption.State.ToRecord() is { } record ? new AdoptionSnapshot(record, adoption.Etag!) : null);

    private async Task<ExchangeReference> LoadExchangeAsync(string exchangeId)
    {
        var exchange = ExchangeIds.IsExchangeId(exchangeId)
            ? await GrainFactory.GetGrain<IExchangeGrain>(exchangeId).GetAsync()
            : null;
        return exchange is null
            ? throw new ResourceNotFoundException("exchange", exchangeId)
            : new ExchangeReference(exchange.Id, exchange.Kind, exchange.Title, exchange.Author, exchange.AuthorCountry);
    }
}
