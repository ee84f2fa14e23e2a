namespace Collaboration.Grains.Events;

/// <summary>What kind of event a town holds; serialized camelCase (<c>conference</c>, <c>workshop</c>, <c>studyVisit</c>,
/// <c>localEvent</c>, <c>seminar</c>, <c>other</c>). The calendar shows it as CATEGORIES.</summary>
[GenerateSerializer, Alias("collaboration.EventKind")]
public enum EventKind
{
    Conference,
    Workshop,
    StudyVisit,
    LocalEvent,
    Seminar,
    Other,
}
