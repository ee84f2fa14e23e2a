namespace Collaboration.Grains.Reporting;

/// <summary>The kind of an event (API values <c>conference</c>, <c>workshop</c>, <c>studyVisit</c>,
/// <c>localEvent</c>, <c>seminar</c>, <c>other</c>); it becomes the calendar's CATEGORIES.</summary>
public enum ReportEventKind
{
    Conference,
    Workshop,
    StudyVisit,
    LocalEvent,
    Seminar,
    Other,
}
