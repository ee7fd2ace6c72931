namespace Quorum.Web.Tests;

/// <summary>A fresh PostgreSQL database per use, on the server named by QUORUM_TEST_POSTGRES (scripts/ensure-postgres.sh).</summary>
internal static class PostgresDatabase
{
    public static async Task<string> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("QUORUM_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException("QUORUM_TEST_POSTGRES is not set: run scripts/ensure-postgres.sh (scripts/test.sh does) and export its connection string.");
        }

        var name = $"quorum_web_{Guid.NewGuid():N}";
        await using var connection = new Npgsql.NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
