using System.Security.Cryptography;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Webhooks;

[GrainType("webhook-owner")]
public sealed class WebhookOwnerGrain(
    [PersistentState("webhooks", GrainStorage.Name)] IPersistentState<WebhookOwnerState> owner) : Grain, IWebhookOwnerGrain
{
    public async Task<WebhookCreated> RegisterAsync(string url, IReadOnlyList<string> kinds)
    {
        if (owner.State.Webhooks.Count >= IWebhookOwnerGrain.MaxWebhooks)
        {
            throw new ConflictException($"'{this.GetPrimaryKeyString()}' already has the most webhooks one owner may have ({IWebhookOwnerGrain.MaxWebhooks}).");
        }

        var id = "wh-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = WebhookSignature.NewSecret();
        var webhook = await GrainFactory.GetGrain<IWebhookGrain>(id).CreateAsync(this.GetPrimaryKeyString(), url, kinds, secret);
        owner.State.Webhooks.Add(webhook);
        await owner.WriteStateAsync();
        return new WebhookCreated(webhook, secret);
    }

    public Task<IReadOnlyList<WebhookRegistration>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WebhookRegistration>>([.. owner.State.Webhooks]);

    public async Task<bool> RemoveAsync(string webhookId)
    {
        var index = owner.State.Webhooks.FindIndex(w => w.Id == webhookId);
        if (index < 0)
        {
            return false;
        }

        await GrainFactory.GetGrain<IWebhookGrain>(webhookId).DeleteAsync();
        owner.State.Webhooks.RemoveAt(index);
        await owner.WriteStateAsync();
        return true;
    }

    public Task OfferAsync(IReadOnlyList<WebhookPayload> payloads) =>
        Task.WhenAll(owner.State.Webhooks.Select(webhook =>
        {
            var wanted = payloads.Where(p => webhook.Kinds.Contains(p.Kind, StringComparer.Ordinal)).ToList();
            return wanted.Count == 0 ? Task.CompletedTask : GrainFactory.GetGrain<IWebhookGrain>(webhook.Id).EnqueueAsync(wanted);
        }));
}
