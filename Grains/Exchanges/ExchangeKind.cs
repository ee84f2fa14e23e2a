namespace Collaboration.Grains.Exchanges;

/// <summary>What a knowledge exchange is; serialised in camelCase (<c>goodPractice</c>, ...).</summary>
[GenerateSerializer, Alias("collaboration.ExchangeKind")]
public enum ExchangeKind
{
    GoodPractice,
    Question,
    LessonLearned,
    Resource,
}
