namespace Collaboration.Grains.Exchanges;

/// <summary>
/// What a municipality posts. There is no author here on purpose: the author is always the acting municipality.
/// </summary>
public sealed record NewExchange(
    ExchangeKind Kind,
    string Title,
    string Summary,
    string? Body,
    IReadOnlyList<string> Themes,
    string? ProjectId = null,
    string? Language = null);
