using Collaboration.Grains.Errors;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>Tells outages (locks held too long, I/O, a full disk) from mistakes, and wraps the former.</summary>
internal static class SqliteErrors
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
        {
            5 or 6 => true,         // SQLITE_BUSY, SQLITE_LOCKED: "database is locked" beyond the busy timeout
            7 => true,              // SQLITE_NOMEM
            8 => true,              // SQLITE_READONLY: the file or folder lost its write permission
            9 => true,              // SQLITE_INTERRUPT
            10 or 13 => true,       // SQLITE_IOERR, SQLITE_FULL
            11 or 26 => true,       // SQLITE_CORRUPT, SQLITE_NOTADB
            14 or 15 => true,       // SQLITE_CANTOPEN, SQLITE_PROTOCOL
            _ => false,
        },
        IOException or UnauthorizedAccessException => true,
        _ => false,
    };

    public static StorageUnavailableException Unavailable(Exception exception) =>
        new($"The SQLite storage is unavailable: {exception.Message}", exception);
}
