using System.Data.Common;
using Quorum.Domain.Editing;
using Quorum.Storage.Sqlite;
using static Quorum.Storage.Sqlite.SqliteValues;

namespace Quorum.Storage.Editing;

/// <summary>
/// The edit journal in the SQLite file. Writes take the same single-writer turn as grain storage, so journal
/// commits and state writes never contend for the file's lock; reads use their own connection, which write-ahead
/// logging lets run beside a writer.
/// </summary>
internal sealed class SqliteEditStore(SingleWriterSqliteDataSource writers, string connectionString) : EditStore(writers)
{
    private const string Insert = """
        INSERT INTO FieldEdit (ItemId, Field, Revision, PanelId, AuthorId, ClientId, ClientSeq, EditedAt, Op)
        VALUES ($item, $field, $revision, $panel, $author, $client, $seq, $at, $op)
        ON CONFLICT DO NOTHING
        """;

    private const string Delete = "DELETE FROM FieldEdit WHERE ItemId = $item AND Field = $field AND Revision = $revision";

    private const string Select = """
        SELECT Revision, PanelId, AuthorId, ClientId, ClientSeq, EditedAt, Op FROM FieldEdit
        WHERE ItemId = $item AND Field = $field AND Revision > $after AND Revision <= $upTo
        ORDER BY Revision
        """;

    private const string LastSeq = """
        SELECT max(ClientSeq) FROM FieldEdit
        WHERE ItemId = $item AND Field = $field AND Revision > $after AND AuthorId = $author AND ClientId = $client
        """;

    public override async Task<long?> LastClientSeqAsync(
        Guid itemId, string field, Guid authorId, string clientId, int afterRevision, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnectionSetup.OpenForReadAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = LastSeq;
        AddParameter(command, "$item", Key(itemId));
        AddParameter(command, "$field", field);
        AddParameter(command, "$after", afterRevision);
        AddParameter(command, "$author", Key(authorId));
        AddParameter(command, "$client", clientId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long seq ? seq : null;
    }

    public override async Task<IReadOnlyList<RecordedEdit>> ReadAsync(
        Guid itemId, string field, int afterRevision, int upToRevision, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnectionSetup.OpenForReadAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Select;
        AddParameter(command, "$item", Key(itemId));
        AddParameter(command, "$field", field);
        AddParameter(command, "$after", afterRevision);
        AddParameter(command, "$upTo", upToRevision);
        var edits = new List<RecordedEdit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var revision = reader.GetInt32(0);
            edits.Add(new RecordedEdit(
                ReadKey(reader, 1),
                itemId,
                field,
                revision,
                ReadKey(reader, 2),
                reader.GetString(3),
                reader.GetInt64(4),
                ReadTime(reader, 5),
                ParseOp(reader.GetString(6), itemId, field, revision)));
        }

        return edits;
    }

    protected override Task<bool[]> InsertAsync(DbTransaction transaction, IReadOnlyList<RecordedEdit> rows, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite runs these synchronously either way; one prepared command reused per row keeps
        // a commit of a thousand rows to a couple of milliseconds.
        using var command = Command(transaction, Insert);
        var item = AddParameter(command, "$item", string.Empty);
        var field = AddParameter(command, "$field", string.Empty);
        var revision = AddParameter(command, "$revision", 0);
        var panel = AddParameter(command, "$panel", string.Empty);
        var author = AddParameter(command, "$author", string.Empty);
        var client = AddParameter(command, "$client", string.Empty);
        var seq = AddParameter(command, "$seq", 0L);
        var at = AddParameter(command, "$at", 0L);
        var op = AddParameter(command, "$op", string.Empty);
        var inserted = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var edit = rows[i];
            item.Value = Key(edit.ItemId);
            field.Value = edit.Field;
            revision.Value = edit.Revision;
            panel.Value = Key(edit.PanelId);
            author.Value = Key(edit.AuthorId);
            client.Value = edit.ClientId;
            seq.Value = edit.ClientSeq;
            at.Value = Time(edit.At);
            op.Value = edit.Op.ToString();
            inserted[i] = command.ExecuteNonQuery() == 1;
        }

        return Task.FromResult(inserted);
    }

    protected override Task DeleteAsync(DbTransaction transaction, IReadOnlyList<RecordedEdit> rows, CancellationToken cancellationToken)
    {
        using var command = Command(transaction, Delete);
        var item = AddParameter(command, "$item", string.Empty);
        var field = AddParameter(command, "$field", string.Empty);
        var revision = AddParameter(command, "$revision", 0);
        foreach (var edit in rows)
        {
            item.Value = Key(edit.ItemId);
            field.Value = edit.Field;
            revision.Value = edit.Revision;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }
}
