using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>
/// The body of POST /exchanges and PUT /exchanges/{id}. It has no author: the author is the calling municipality, and
/// an <c>author</c> field in the body is refused like any other unknown field.
/// </summary>
public sealed record ExchangeRequest
{
    public ExchangeKind? Kind { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Body { get; init; }

    public IReadOnlyList<string>? Themes { get; init; }

    public string? ProjectId { get; init; }

    public string? Language { get; init; }

    /// <summary>The draft as sent; the exchange grain validates it, so every field rule lives in one place.</summary>
    public NewExchange ToDraft() => new(Kind, Title ?? "", Summary ?? "", Body, Themes ?? [], ProjectId, Language);
}
