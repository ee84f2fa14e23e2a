using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Exchanges;

/// <summary>A reply. It calls the exchange (which never calls replies) and the activity log.</summary>
// Thousands are posted and each is read now and then, through the catalogue's indexes more than through its grain:
// a posted one leaves memory as soon as its post is answered (as an exchange does), and one read again after two
// idle minutes rather than the silo's fifteen.
[GrainType("exchange-reply")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class ReplyGrain([PersistentState("reply", GrainStorage.Name)] IPersistentState<ReplyState> reply,
    IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IReplyGrain
{
    public async Task<ReplyRecord> PostAsync(Actor actor, string exchangeId, string body, string? creationRequest = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.Municipality || actor.MunicipalityId is not { } author)
        {
            throw new ForbiddenException("Replies are posted by a partner in its own name; coordinators do not post them.");
        }

        var text = ExchangeValidation.NormalizeReply(body);
        if (reply.State.Id is not null)
        {
            if (creationRequest is not null && reply.State.CreationRequest == creationRequest)
            {
                return reply.State.ToRecord()!;
            }

            throw new ConflictException($"Reply '{this.GetPrimaryKeyString()}' has already been posted.");
        }

        if (!ExchangeIds.IsExchangeId(exchangeId) || await GrainFactory.GetGrain<IExchangeGrain>(exchangeId).GetAsync() is not { } exchange)
        {
            throw new ResourceNotFoundException("exchange", exchangeId);
        }

        var previous = reply.State;
        reply.State = new ReplyState
        {
            Id = this.GetPrimaryKeyString(),
            ExchangeId = exchangeId,
            Author = author,
            Body = text,
            CreatedAt = clock.GetUtcNow(),
            CreationRequest = creationRequest,
        };
        try
        {
            await reply.WriteStateAndRecordAsync(
                "exchange.replied", actor, $"exchange/{exchangeId}", $"{await index.PartnerNameAsync(author)} replied to «{exchange.Title}»");
        }
        catch
        {
            reply.State = previous;
            throw;
        }

        DeactivateOnIdle();
        return reply.State.ToRecord()!;
    }

    public Task<ReplyRecord?> GetAsync() => Task.FromResult(reply.State.ToRecord());
}
