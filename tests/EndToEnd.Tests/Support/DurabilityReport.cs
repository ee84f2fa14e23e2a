namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>What one restart found, against everything acknowledged before it.</summary>
public sealed record DurabilityReport(
    int Cycle,
    int AcknowledgedSoFar,
    int AcknowledgedThisCycle,
    int UnacknowledgedAtKill,
    int AppliedWithoutAcknowledgement,
    int Lost,
    int Duplicated,
    int RetriedAfterRestart,
    int ReplaysChecked,
    IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        $"cycle {Cycle}: acknowledged {AcknowledgedThisCycle} (total {AcknowledgedSoFar}), in flight at kill {UnacknowledgedAtKill} " +
        $"(applied anyway {AppliedWithoutAcknowledgement}), lost {Lost}, duplicated {Duplicated}, retried {RetriedAfterRestart}, replays {ReplaysChecked}";
}
