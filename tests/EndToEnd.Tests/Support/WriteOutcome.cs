namespace Collaboration.EndToEnd.Tests.Support;

public enum WriteOutcome
{
    /// <summary>Sent; no answer yet.</summary>
    Pending,

    /// <summary>Answered 2xx: the API promised the write is durable.</summary>
    Acknowledged,

    /// <summary>No answer (the connection broke when the process was killed, or it was refused): its fate is unknown.</summary>
    Unacknowledged,

    /// <summary>Answered with an error status: the workload sends only valid writes, so this fails the test.</summary>
    Refused,
}
