namespace Collaboration.Tests.Formats;

/// <summary>A VCALENDAR as ical.js read it.</summary>
internal sealed record IcalJsCalendar(string? Name, string ProductId, IReadOnlyList<IcalJsEvent> Events);
