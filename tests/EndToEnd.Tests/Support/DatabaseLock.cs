using Microsoft.Data.Sqlite;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// Another program holding the API's database: a connection from this (separate) process that takes SQLite's write
/// lock and keeps it until disposed. In WAL mode readers go on; every writer waits for its busy timeout, then fails.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly SqliteConnection _connection;

    private DatabaseLock(SqliteConnection connection) => _connection = connection;

    public static DatabaseLock Take(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            // The API's writer may be mid-commit: wait for it rather than fail.
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        command.ExecuteNonQuery();
        return new DatabaseLock(connection);
    }

    public void Dispose()
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            command.ExecuteNonQuery();
        }

        _connection.Dispose();
    }
}
