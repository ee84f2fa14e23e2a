namespace Collaboration.Grains.Network;

/// <summary>
/// The figures behind the dashboard's charts at <see cref="AsOf"/>. <see cref="Months"/> runs without gaps from the
/// month of the first event not cancelled to that of the last (empty when there is none);
/// <see cref="ParticipantsByCountry"/> counts each delegation under its town's country, so it adds up to the summary's
/// participants; <see cref="ExchangesByTheme"/> counts each exchange once under every theme it names (normalised, as
/// the theme filter compares them), so it adds up to more than the exchanges when some name several;
/// <see cref="PartnersByCountry"/> counts the registered partners; <see cref="LastActivity"/> has each partner's latest
/// activity (as the quiet partners list has it), for partners that have any.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.NetworkStatistics")]
public sealed record NetworkStatistics(
    DateTimeOffset AsOf,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyDictionary<string, long> PartnersByCountry,
    IReadOnlyDictionary<string, long> ParticipantsByCountry,
    IReadOnlyDictionary<string, long> ExchangesByTheme,
    IReadOnlyDictionary<string, DateTimeOffset> LastActivity);
