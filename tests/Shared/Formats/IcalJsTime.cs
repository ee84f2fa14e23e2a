namespace Collaboration.Tests.Formats;

/// <summary>A DATE or DATE-TIME as ical.js read it: <c>2017-10-12</c>, or <c>2017-09-01T10:30:15Z</c> in UTC.</summary>
internal sealed record IcalJsTime(string Value, bool IsDate);
