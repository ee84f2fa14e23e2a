namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>Another server process holds the data folder (<see cref="DataFolderLock"/>); this one must not start on it.</summary>
public sealed class DataFolderInUseException : InvalidOperationException
{
    public DataFolderInUseException(string folder, string lockFile, Exception innerException)
        : base(
            $"The data folder '{folder}' is in use by another Collaboration server (it holds '{lockFile}'). " +
            "One folder belongs to one server process at a time: stop the other server first, or start this one on " +
            "another folder (--Collaboration:DataPath=<folder>, or Collaboration__DataPath=<folder>).",
            innerException)
    {
        Folder = folder;
    }

    public DataFolderInUseException()
    {
        Folder = string.Empty;
    }

    public DataFolderInUseException(string message)
        : base(message)
    {
        Folder = string.Empty;
    }

    public DataFolderInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Folder = string.Empty;
    }

    /// <summary>The full path of the folder that is held.</summary>
    public string Folder { get; }
}
