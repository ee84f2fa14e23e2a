using Collaboration.Silo;

namespace Collaboration.Bench.Runtime;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}
