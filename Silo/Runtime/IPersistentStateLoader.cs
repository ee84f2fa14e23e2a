namespace Collaboration.Silo.Runtime;

/// <summary>Lets the runtime read a grain's states on activation without knowing their types.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
