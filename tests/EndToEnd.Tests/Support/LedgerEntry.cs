namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>One write the workload sent, with what it was told.</summary>
public sealed class LedgerEntry(WriteKind kind, int cycle, int client, int sequence, string method, string path, string body, string? idempotencyKey, string marker)
{
    public WriteKind Kind { get; } = kind;

    public int Cycle { get; } = cycle;

    public int Client { get; } = client;

    /// <summary>The client's running number: a client's writes were sent in this order, one at a time.</summary>
    public int Sequence { get; } = sequence;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public string Body { get; } = body;

    public string? IdempotencyKey { get; } = idempotencyKey;

    /// <summary>What identifies the write's effect: the partner's id, the profile's name, the agreement's title.</summary>
    public string Marker { get; } = marker;

    public WriteOutcome Outcome { get; set; } = WriteOutcome.Pending;

    public int? Status { get; set; }

    /// <summary>The answer's body for a 2xx (the agreement's id, the partner's key).</summary>
    public string? Answer { get; set; }

    public string? Error { get; set; }

    public override string ToString() =>
        $"{Kind} #{Client}.{Sequence} (cycle {Cycle}) {Method} {Path} [{Marker}] -> {Outcome} {Status} {Error}";
}
