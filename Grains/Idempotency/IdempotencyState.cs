namespace Collaboration.Grains.Idempotency;

public sealed class IdempotencyState
{
    public StoredResponse? Response { get; set; }
}
