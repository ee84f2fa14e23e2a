namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>
/// The programme rules as data: rule sets per programme, measure and call years.
/// Immutable and thread-safe; <see cref="Default"/> is loaded once from the embedded <c>Data/rulebook.json</c>.
/// </summary>
public sealed class Rulebook
{
    private static readonly Lazy<Rulebook> DefaultRulebook =
        new(() => { using var s = DataJson.OpenEmbedded("rulebook.json"); return Load(s); });

    private Rulebook(RulebookFile file)
    {
        RuleSets = file.RuleSets;
        Notes = file.Notes;
    }

    /// <summary>The rulebook shipped with the project.</summary>
    public static Rulebook Default => DefaultRulebook.Value;

    public IReadOnlyList<RuleSet> RuleSets { get; }

    /// <summary>How the rules are to be read (counting, scopes, dates).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads and validates a rulebook; throws <see cref="InvalidDataException"/> when it is malformed.</summary>
    public static Rulebook Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = DataJson.Deserialize<RulebookFile>(json, "rulebook");
        Validate(file);
        return new Rulebook(file);
    }

    public static Rulebook Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var s = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(s);
    }

    /// <summary>
    /// The rule set for a project: the one whose call-year range holds <paramref name="callYear"/>, else the
    /// one without a range; null when the programme and measure have none (as for <c>other</c>).
    /// </summary>
    public RuleSet? Select(Programme programme, Measure measure, int? callYear)
    {
        var candidates = RuleSets.Where(s => s.Programme == programme && s.Measure == measure).ToList();
        return (callYear is { } year ? candidates.FirstOrDefault(s => s.AppliesToCall(year)) : null)
            ?? candidates.FirstOrDefault(s => s.AppliesToAnyCall);
    }

    private static void Validate(RulebookFile file)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        foreach (var set in file.RuleSets)
        {
            var name = $"rule set '{set.Id}'";
            if (string.IsNullOrWhiteSpace(set.Id))
            {
                errors.Add("a rule set has no id");
            }
            else if (!ids.Add(set.Id))
            {
                errors.Add($"{name} is listed twice");
            }

            if (set.CallFrom is { } from && set.CallTo is { } to && from > to)
            {
                errors.Add($"{name} has its call years reversed ({from} to {to})");
            }

            ValidateRules(set, name, errors);
        }

        foreach (var group in file.RuleSets.GroupBy(s => (s.Programme, s.Measure)))
        {
            var sets = group.ToList();
            if (sets.Count(s => s.AppliesToAnyCall) > 1)
            {
                errors.Add($"{group.Key.Programme}/{group.Key.Measure} has more than one rule set without call years");
            }

            var ranged = sets.Where(s => !s.AppliesToAnyCall).ToList();
            for (var i = 0; i < ranged.Count; i++)
            {
                for (var j = i + 1; j < ranged.Count; j++)
                {
                    if (Overlap(ranged[i], ranged[j]))
                    {
                        errors.Add($"rule sets '{ranged[i].Id}' and '{ranged[j].Id}' cover the same call years");
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("The rulebook is not valid: " + string.Join("; ", errors) + ".");
        }
    }

    private static void ValidateRules(RuleSet set, string name, List<string> errors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in set.Rules)
        {
            if (!RuleCodes.All.Contains(rule.Code))
            {
                errors.Add($"{name} has an unknown rule code '{rule.Code}'");
                continue;
            }

            if (!codes.Add(rule.Code))
            {
                errors.Add($"{name} lists '{rule.Code}' twice");
            }

            if (RuleCodes.TakesValue(rule.Code) && rule.Value is not > 0)
            {
                errors.Add($"{name}: '{rule.Code}' needs a positive value");
            }
            else if (!RuleCodes.TakesValue(rule.Code) && rule.Value is not null)
            {
                errors.Add($"{name}: '{rule.Code}' takes no value");
            }

            if (!RuleCodes.TakesScope(rule.Code) && rule.Scope is not null)
            {
                errors.Add($"{name}: '{rule.Code}' takes no scope");
            }
        }

        var min = set.Rules.FirstOrDefault(r => r.Code == RuleCodes.MinDurationMonths)?.Value;
        var max = set.Rules.FirstOrDefault(r => r.Code == RuleCodes.MaxDurationMonths)?.Value;
        if (min > max)
        {
            errors.Add($"{name}: minimum duration {min} months exceeds maximum {max}");
        }
    }

    // Open ends stand for minus and plus infinity.
    private static bool Overlap(RuleSet a, RuleSet b) =>
        (a.CallFrom ?? int.MinValue) <= (b.CallTo ?? int.MaxValue) && (b.CallFrom ?? int.MinValue) <= (a.CallTo ?? int.MaxValue);
}
