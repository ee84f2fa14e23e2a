using Collaboration.Grains.Exchanges;
using Collaboration.Tests.Search;

namespace Collaboration.Bench.ExchangeSearch;

/// <summary>
/// A deterministic network of towns and their exchanges: 400 partners in the 33 countries of the programme, 80
/// projects, themes from the SHELTER agreement and beyond, and texts drawn from a vocabulary with a Zipf-like skew
/// (a few words in most exchanges, most words in few), some of them with diacritics.
/// </summary>
internal sealed class Corpus
{
    public static readonly string[] Countries =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "AL", "BA", "MK", "ME", "RS", "XK",
    ];

    public static readonly string[] Themes =
    [
        "european citizenship", "democratic inclusion", "volunteering", "decision-making", "solidarity", "common future",
        "shared values", "peace", "networking", "culture", "tourism", "sustainable development", "urban mobility",
        "integration", "migration", "youth", "education", "social inclusion", "housing", "employment",
        "civic participation", "environment", "digitalisation", "health", "heritage", "sport", "gender equality",
        "rural development", "energy", "public services",
    ];

    public static readonly string[] Vocabulary = BuildVocabulary();

    private static readonly string[] Unaccented =
    [
        "kelme", "integracion", "obcina", "drustvo", "savivaldybe", "bendruomene", "citta", "societa", "ecole",
        "citoyennete", "mediatheque", "opstina", "opcina", "kultura", "ciudadania", "participacion", "burger",
        "stadtepartnerschaft", "municipio", "cidadaos", "camara",
    ];

    private readonly Random _random;
    private readonly double[] _wordWeights;
    private readonly double[] _themeWeights;

    public Corpus(int seed)
    {
        _random = new Random(seed);
        _wordWeights = SkewedDraw.Cumulative(Vocabulary.Length, 1.0);
        _themeWeights = SkewedDraw.Cumulative(Themes.Length, 0.8);
        Municipalities = Enumerable.Range(0, 400)
            .Select(i => (Id: $"town-{i:D3}", Country: Countries[(int)(Math.Pow(_random.NextDouble(), 1.6) * Countries.Length)]))
            .ToArray();
        Projects = Enumerable.Range(0, 80).Select(i => $"project-{i:D2}").ToArray();
    }

    public (string Id, string Country)[] Municipalities { get; }

    public string[] Projects { get; }

    public ExchangeState Next(string id, DateTimeOffset createdAt)
    {
        var author = Municipalities[_random.Next(Municipalities.Length)];
        var themeCount = 1 + _random.Next(3);
        var themes = Enumerable.Range(0, themeCount).Select(_ => Theme()).Distinct().ToList();
        return new ExchangeState
        {
            Id = id,
            Kind = (_random.Next(10)) switch
            {
                < 5 => ExchangeKind.GoodPractice,
                < 7 => ExchangeKind.Question,
                < 9 => ExchangeKind.LessonLearned,
                _ => ExchangeKind.Resource,
            },
            Title = Capitalised(Words(4 + _random.Next(5))),
            Summary = Capitalised(Words(15 + _random.Next(16))) + ".",
            Body = _random.Next(5) == 0 ? null : Capitalised(Words(60 + _random.Next(140))) + ".",
            Themes = themes,
            Author = author.Id,
            AuthorCountry = author.Country,
            ProjectId = _random.Next(10) < 4 ? Projects[_random.Next(Projects.Length)] : null,
            Language = "en",
            CreatedAt = createdAt,
        };
    }

    /// <summary>A word drawn with the corpus's skew: common words often, rare words seldom.</summary>
    public string Word() => Vocabulary[SkewedDraw.Pick(_wordWeights, _random.NextDouble())];

    /// <summary>A word of the middle of the distribution: in hundreds to a few thousands of exchanges.</summary>
    public string MiddleWord() => Vocabulary[40 + _random.Next(160)];

    /// <summary>A word from the tail: in a handful of exchanges.</summary>
    public string RareWord() => Vocabulary[1000 + _random.Next(Vocabulary.Length - 1000)];

    /// <summary>A word the texts hold with diacritics, typed without them (the index must fold them).</summary>
    public string WordWithoutDiacritics() => Unaccented[_random.Next(Unaccented.Length)];

    public string Theme() => Themes[SkewedDraw.Pick(_themeWeights, _random.NextDouble())];

    public string Country() => Countries[_random.Next(Countries.Length)];

    public string Author() => Municipalities[_random.Next(Municipalities.Length)].Id;

    public string Project() => Projects[_random.Next(Projects.Length)];

    public ExchangeKind Kind() => (ExchangeKind)_random.Next(4);

    private string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word()));

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string[] BuildVocabulary()
    {
        string[] seeds =
        [
            "the", "and", "of", "municipality", "town", "citizens", "local", "project", "partners", "european",
            "network", "integration", "community", "young", "people", "volunteers", "migrants", "event", "workshop",
            "school", "council", "mayor", "association", "ngo", "centre", "library", "culture", "festival", "market",
            "housing", "families", "refugees", "language", "courses", "mentoring", "employment", "training", "tourism",
            "heritage", "museum", "bicycle", "mobility", "transport", "bus", "energy", "solar", "waste", "recycling",
            "water", "park", "garden", "forest", "river", "village", "region", "agency", "budget", "participatory",
            "decision", "assembly", "debate", "referendum", "survey", "platform", "digital", "app", "website", "data",
            "open", "elderly", "care", "health", "sport", "football", "music", "theatre", "cinema", "exhibition",
            "twinning", "exchange", "visit", "study", "conference", "seminar", "lessons", "practice", "replication",
            "charter", "agreement", "partnership", "solidarity", "peace", "democracy", "inclusion", "equality", "women",
            "children", "students", "teachers", "university", "research", "innovation", "business", "crafts", "food",
            "wine", "olive", "harvest", "fair", "carnival", "tradition", "history", "memory", "war", "reconciliation",
            "border", "cooperation", "funding", "grant", "call", "report", "evaluation", "impact", "indicators",
            "kelmė", "laragne-montéglin", "novo", "mesto", "herceg", "novi", "canepina", "gallese", "accoglienza",
            "integración", "občina", "društvo", "savivaldybė", "bendruomenė", "città", "comune", "società", "école",
            "mairie", "citoyenneté", "jeunesse", "médiathèque", "zajednica", "opština", "općina", "prostovoljci",
            "mladi", "kultūra", "turizmas", "ciudadanía", "participación", "ayuntamiento", "gemeinde", "bürger",
            "ehrenamt", "städtepartnerschaft", "kommune", "gmina", "obywatele", "município", "cidadãos", "câmara",
        ];

        // Seeds first (the common end of the skew), then made-up rare words, so the tail is long like real text.
        var rare = new List<string>();
        var syllables = new[] { "ka", "lo", "mi", "ne", "ra", "sto", "vi", "za", "tre", "po", "lu", "še", "ča", "ė", "ó", "ni", "de", "gra" };
        var random = new Random(7);
        while (rare.Count < 3000)
        {
            var word = string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => syllables[random.Next(syllables.Length)]));
            if (!seeds.Contains(word) && !rare.Contains(word) && char.IsLetter(word[0]))
            {
                rare.Add(word);
            }
        }

        return [.. seeds, .. rare];
    }
}
