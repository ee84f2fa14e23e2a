namespace Collaboration.Grains.Idempotency;

/// <summary>An HTTP answer kept for replay, with the hash of the request body it answered.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.StoredResponse")]
public sealed record StoredResponse(
    string RequestHash,
    int StatusCode,
    string? ContentType,
    string? Location,
    string? ETag,
    byte[] Body,
    DateTimeOffset CreatedAt);
