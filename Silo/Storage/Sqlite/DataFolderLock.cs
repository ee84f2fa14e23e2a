namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// The claim of one server process on a data folder: a lock file opened exclusively for as long as the server runs.
/// <para>
/// The SQLite storage caches index answers and keeps its own writer, so two servers on one file would each serve
/// answers the other's writes never reach. The lock is the operating system's (on Linux and macOS .NET takes
/// <c>flock</c> for <see cref="FileShare.None"/>; on Windows the share mode itself), so it goes when the process
/// goes, however it ends: a server killed with SIGKILL leaves the folder free for the next one.
/// </para>
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The file in the data folder that is held; its content is not read.</summary>
    public const string FileName = "collaboration.lock";

    private readonly FileStream _file;

    private DataFolderLock(string folder, FileStream file)
    {
        Folder = folder;
        _file = file;
    }

    /// <summary>The full path of the folder held.</summary>
    public string Folder { get; }

    /// <summary>Creates the folder if needed and holds it, or throws <see cref="DataFolderInUseException"/>.</summary>
    public static DataFolderLock Acquire(string dataPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        var folder = Path.GetFullPath(dataPath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            WriteOwner(file);
            return new DataFolderLock(folder, file);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new DataFolderInUseException(folder, path, exception);
        }
    }

    public void Dispose() => _file.Dispose();

    // For a person looking at the folder: which process holds it. Nothing reads it back.
    private static void WriteOwner(FileStream file)
    {
        file.SetLength(0);
        var owner = System.Text.Encoding.UTF8.GetBytes(
            $"process {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        file.Write(owner);
        file.Flush();
    }
}
