using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Alerts;

public sealed class AlertWatchState : IIndexedState
{
    /// <summary>The subject's open alerts, one per code: a handful at most.</summary>
    public List<Alert> Alerts { get; set; } = [];

    /// <summary>When the rules were last evaluated (and the result stored).</summary>
    public DateTimeOffset? EvaluatedAt { get; set; }

    /// <summary>A partner's last activity as far as stored (to the day).</summary>
    public DateTimeOffset? LastActivity { get; set; }

    /// <summary>When the reminder is due next; null when none is registered.</summary>
    public DateTimeOffset? ReminderDue { get; set; }

    public IReadOnlyList<IndexEntry> GetIndexEntries(string key) =>
        Alerts.Select(alert => new IndexEntry(IndexNames.Alerts, $"{alert.Code}|{alert.Subject}")
        {
            SortKey = alert.Since.UtcTicks,
            Terms = [new IndexTerm("code", alert.Code), new IndexTerm("severity", JsonNamingPolicy.CamelCase.ConvertName(alert.Severity.ToString()))],
            Payload = JsonSerializer.Serialize(alert, GrainStateSerializer.Options),
        }).ToList();
}
