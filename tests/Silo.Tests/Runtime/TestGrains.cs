namespace Collaboration.Silo.Tests.Runtime;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<string?> GetEtagAsync();
}

public interface ITurnProbeGrain : IGrainWithStringKey
{
    /// <summary>Yields in the middle of its turn so that an overlapping call would be seen.</summary>
    Task<int> EnterAsync();

    Task<(int Calls, int MaxConcurrent)> GetStatsAsync();
}

public interface IRelayGrain : IGrainWithStringKey
{
    /// <summary>Calls the next grain of <paramref name="path"/>, which calls the one after, and so on.</summary>
    Task<string> RelayAsync(string[] path);
}

public interface IFaultyGrain : IGrainWithStringKey
{
    Task FailAsync(string message);

    Task<int> EchoAsync(int value);

    Task LeaveAsync();
}

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationIdAsync();
}

public interface IInterleavingGrain : IGrainWithStringKey
{
    /// <summary>Waits, beside the grain's turns, until a normal call opens the latch.</summary>
    [AlwaysInterleave]
    Task<string> WaitForLatchAsync();

    Task OpenLatchAsync();
}
