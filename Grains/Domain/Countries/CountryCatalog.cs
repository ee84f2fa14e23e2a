using System.Diagnostics.CodeAnalysis;

namespace Collaboration.Grains.Domain.Countries;

/// <summary>
/// The countries table: names, EU membership by date and programme eligibility by date.
/// Immutable and thread-safe; <see cref="Default"/> is loaded once from the embedded <c>Data/countries.json</c>.
/// </summary>
public sealed class CountryCatalog
{
    private static readonly Lazy<CountryCatalog> DefaultCatalog =
        new(() => { using var s = DataJson.OpenEmbedded("countries.json"); return Load(s); });

    private readonly Dictionary<string, Country> byCode;
    private readonly Dictionary<Programme, ProgrammeInfo> programmes;

    private CountryCatalog(CountriesFile file)
    {
        Countries = file.Countries;
        Programmes = file.Programmes;
        Notes = file.Notes;
        byCode = file.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        programmes = file.Programmes.ToDictionary(p => p.Programme);
    }

    /// <summary>The catalog shipped with the project.</summary>
    public static CountryCatalog Default => DefaultCatalog.Value;

    /// <summary>Every known country, in the order of the data file.</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Each programme's eligibility policy (<see cref="Programme.Other"/> has none: no restriction).</summary>
    public IReadOnlyList<ProgrammeInfo> Programmes { get; }

    /// <summary>The assumptions the data rests on.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads and validates a countries table; throws <see cref="InvalidDataException"/> when it is malformed.</summary>
    public static CountryCatalog Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = DataJson.Deserialize<CountriesFile>(json, "countries table");
        Validate(file);
        return new CountryCatalog(file);
    }

    public static CountryCatalog Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var s = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(s);
    }

    /// <summary>Looks a country up by its alpha-2 code (case-insensitive, surrounding spaces ignored).</summary>
    public bool TryGet(string? code, [NotNullWhen(true)] out Country? country)
    {
        country = null;
        return code is not null && byCode.TryGetValue(Normalize(code), out country);
    }

    public bool IsKnown(string? code) => TryGet(code, out _);

    /// <summary>The funder's English short name; throws <see cref="KeyNotFoundException"/> for an unknown code (use <see cref="TryGet"/> to probe).</summary>
    public string EnglishName(string code) =>
        TryGet(code, out var country) ? country.Name : throw new KeyNotFoundException($"Unknown country code '{code}'.");

    /// <summary>Whether the country was an EU member state on that day; false for an unknown code.</summary>
    public bool IsEuMember(string? code, DateOnly on) => TryGet(code, out var country) && country.IsEuMember(on);

    /// <summary>
    /// Whether a partner from that country is eligible for the programme on that day: an EU member state of
    /// the day (where the programme admits them) or a country whose participation covers the day.
    /// <see cref="Programme.Other"/> restricts nothing: every known country is eligible. Unknown codes never are.
    /// </summary>
    public bool IsEligible(string? code, Programme programme, DateOnly on)
    {
        if (!TryGet(code, out var country))
        {
            return false;
        }

        if (programme == Programme.Other)
        {
            return true;
        }

        var info = programmes[programme];
        return (info.EuMemberStatesEligible && country.IsEuMember(on))
            || country.ProgrammeParticipation.Any(p => p.Covers(programme, on));
    }

    /// <summary>The programme's name as the funder writes it.</summary>
    public string ProgrammeName(Programme programme) =>
        programmes.TryGetValue(programme, out var info) ? info.Name : "other programme";

    private static string Normalize(string code) => code.Trim().ToUpperInvariant();

    private static void Validate(CountriesFile file)
    {
        var errors = new List<string>();

        var seenProgrammes = new HashSet<Programme>();
        foreach (var p in file.Programmes)
        {
            if (p.Programme == Programme.Other)
            {
                errors.Add("programme 'other' has no eligibility policy and must not be listed");
            }
            else if (!seenProgrammes.Add(p.Programme))
            {
                errors.Add($"programme '{p.Programme}' is listed twice");
            }

            if (string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add($"programme '{p.Programme}' has no name");
            }
        }

        foreach (var missing in Enum.GetValues<Programme>().Where(p => p != Programme.Other && !seenProgrammes.Contains(p)))
        {
            errors.Add($"programme '{missing}' has no eligibility policy");
        }

        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in file.Countries)
        {
            if (c.Code is not { Length: 2 } || !c.Code.All(char.IsAsciiLetterUpper))
            {
                errors.Add($"country code '{c.Code}' is not two upper-case letters");
            }
            else if (!seenCodes.Add(c.Code))
            {
                errors.Add($"country code '{c.Code}' is listed twice");
            }

            if (string.IsNullOrWhiteSpace(c.Name))
            {
                errors.Add($"country '{c.Code}' has no name");
            }

            foreach (var m in c.EuMembership)
            {
                if (m.From is { } from && m.To is { } to && from > to)
                {
                    errors.Add($"country '{c.Code}' has an EU membership ending ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
                }
            }

            foreach (var p in c.ProgrammeParticipation)
            {
                if (p.From is { } from && p.To is { } to && from > to)
                {
                    errors.Add($"country '{c.Code}' has a {p.Programme} participation ending ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
                }

                if (p.Programme == Programme.Other)
                {
                    errors.Add($"country '{c.Code}' lists a participation in programme 'other', which restricts nothing");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("The countries table is not valid: " + string.Join("; ", errors) + ".");
        }
    }
}
