namespace Collaboration.Grains.Exchanges;

/// <summary>
/// What a municipality posts, as sent (<see cref="ExchangeValidation.Normalize"/> checks it; a missing kind is one of
/// its findings). There is no author here on purpose: the author is always the acting municipality.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.NewExchange")]
public sealed record NewExchange(
    ExchangeKind? Kind,
    string Title,
    string Summary,
    string? Body,
    IReadOnlyList<string> Themes,
    string? ProjectId = null,
    string? Language = null);
