using System.Data.Common;
using System.Globalization;

namespace Quorum.Storage.Schema;

/// <summary>
/// Brings a database to the schema shipped in Sql/&lt;Backend&gt;: numbered scripts run once each, in order,
/// and the provider's query texts are replaced every time. Everything happens in one transaction that
/// also excludes a concurrent run (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock in Prepare.sql),
/// so two processes starting together both succeed and the second finds nothing left to do.
/// </summary>
internal static class SchemaMigrator
{
    public static async Task<SchemaReport> ApplyAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scripts = SqlScripts.For(settings.Backend);
        var step = "opening the database";
        try
        {
            await using var connection = await StorageConnections.OpenForSchemaAsync(settings, cancellationToken).ConfigureAwait(false);
            step = "starting the schema transaction";
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            step = "Prepare.sql";
            await ExecuteAsync(transaction, scripts.Prepare, cancellationToken).ConfigureAwait(false);

            step = "AppliedVersions.sql";
            var applied = await ReadVersionsAsync(transaction, scripts.AppliedVersions, cancellationToken).ConfigureAwait(false);

            var ran = new List<string>();
            foreach (var script in scripts.Schema.Where(script => !applied.Contains(script.Version)))
            {
                step = $"Schema/{script.Name}";
                await ExecuteAsync(transaction, script.Text, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    transaction,
                    scripts.RecordVersion,
                    cancellationToken,
                    ("Version", script.Version),
                    ("Script", script.Name)).ConfigureAwait(false);
                ran.Add(script.Name);
                applied.Add(script.Version);
            }

            foreach (var (key, text) in scripts.ProviderQueries)
            {
                step = $"Queries/{key}.sql";
                await ExecuteAsync(transaction, scripts.UpsertQuery, cancellationToken, ("QueryKey", key), ("QueryText", text)).ConfigureAwait(false);
            }

            step = "committing the schema transaction";
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new SchemaReport(ran, applied.Count == 0 ? 0 : applied.Max(), scripts.ProviderQueries.Count);
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Applying Quorum's storage schema to {settings} failed while {Describe(step)}: {exception.Message}",
                exception);
        }
    }

    private static string Describe(string step) =>
        step.EndsWith(".sql", StringComparison.Ordinal) ? $"running {step}" : step;

    private static async Task ExecuteAsync(
        DbTransaction transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = CreateCommand(transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<int>> ReadVersionsAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(transaction, sql, []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // SQLite hands back a long, PostgreSQL an int.
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static DbCommand CreateCommand(DbTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The schema transaction lost its connection before it finished.");
        var command = connection.CreateCommand();
        command.Transaction = transaction; // Microsoft.Data.Sqlite refuses a command outside the open transaction
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
