namespace Collaboration.Tests.Formats;

/// <summary>A VEVENT as ical.js read it, its TEXT values unescaped.</summary>
internal sealed record IcalJsEvent(
    string Uid,
    string Summary,
    string? Description,
    string? Location,
    IReadOnlyList<string> Categories,
    string Status,
    IcalJsTime Stamp,
    IcalJsTime Start,
    IcalJsTime End);
