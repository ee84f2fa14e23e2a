using Microsoft.Extensions.Hosting;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// Takes the <see cref="DataFolderLock"/> when the host builds its hosted services, before any of them starts: a
/// server whose folder is held by another process fails to start with <see cref="DataFolderInUseException"/>.
/// </summary>
internal sealed class DataFolderClaim(DataFolderLock folder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
