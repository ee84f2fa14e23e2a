using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// Statements kept prepared per read connection: a query's statements are compiled once per connection and text,
/// not once per query, which matters once the queries themselves take tens of microseconds. A connection runs one
/// read at a time, so its statements need no lock.
/// </summary>
internal static class SqliteStatementCache
{
    // Statement texts vary only with the shape of a query (how many terms, a cursor, the order), so few are kept.
    private const int MaxStatementsPerConnection = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Statements = [];

    /// <summary>
    /// A command with the text and parameters of <paramref name="built"/>, already prepared when its connection ran
    /// the same text before (or <paramref name="built"/> itself once the cache is full). The caller disposes
    /// <paramref name="built"/>, never the command returned.
    /// </summary>
    public static SqliteCommand Reuse(SqliteCommand built)
    {
        var connection = built.Connection ?? throw new InvalidOperationException("The command has no connection.");
        var statements = Statements.GetOrCreateValue(connection);
        if (!statements.TryGetValue(built.CommandText, out var command))
        {
            // Full: the built command runs as it is (statements held by a running query are never disposed).
            if (statements.Count >= MaxStatementsPerConnection)
            {
                return built;
            }

            command = connection.CreateCommand();
            command.CommandText = built.CommandText;
            statements.Add(built.CommandText, command);
        }

        command.Parameters.Clear();
        foreach (SqliteParameter parameter in built.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
