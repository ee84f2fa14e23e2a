namespace Collaboration.Grains.Storage;

/// <summary>
/// One record for <see cref="IAppendLog.AppendWithStatesAsync"/>: its time, its payload once its sequence number
/// is known (a refused state write takes no number, so the numbers of the records after it move down), and the
/// state write it describes, if any.
/// </summary>
public sealed record LogAppend(DateTimeOffset At, Func<long, string> Payload, StateWrite? State);
