namespace Collaboration.Grains.Exchanges;

/// <summary>What a knowledge exchange is; serialised in camelCase (<c>goodPractice</c>, ...).</summary>
public enum ExchangeKind
{
    GoodPractice,
    Question,
    LessonLearned,
    Resource,
}
