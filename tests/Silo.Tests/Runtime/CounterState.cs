namespace Collaboration.Silo.Tests.Runtime;

public sealed class CounterState
{
    public int Value { get; set; }
}
