namespace Collaboration.Bench.Grains;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}
