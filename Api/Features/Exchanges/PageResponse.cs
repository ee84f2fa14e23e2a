using System.Text.Json.Serialization;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>One page of a list; pass <see cref="NextCursor"/> as <c>cursor</c> for the next page.</summary>
public sealed record PageResponse<TItem>(
    IReadOnlyList<TItem> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
