using Collaboration.Grains.Activity;

namespace Collaboration.Api.Features.Network;

/// <summary>One record of the network's activity log, as <c>GET /network/activity</c> and the live stream show it.</summary>
public sealed record ActivityItem(long Seq, DateTimeOffset At, string Type, string Actor, string Subject, string Summary)
{
    public static ActivityItem From(ActivityRecord record) =>
        new(record.Seq, record.At, record.Type, record.Actor, record.Subject, record.Summary);
}
