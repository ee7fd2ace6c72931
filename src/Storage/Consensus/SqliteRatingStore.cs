using System.Data.Common;
using Quorum.Domain.Consensus;
using Quorum.Storage.Sqlite;
using static Quorum.Storage.Sqlite.SqliteValues;

namespace Quorum.Storage.Consensus;

/// <summary>
/// The rating journal in the SQLite file: writes take the single-writer turn grain storage takes, reads a
/// connection of their own (write-ahead logging lets them run beside the writer).
/// </summary>
internal sealed class SqliteRatingStore(SingleWriterSqliteDataSource writers, string connectionString) : RatingStore(writers)
{
    private const string Insert = """
        INSERT INTO ItemRating (ItemId, Seq, RoundId, RaterId, RatedAt, Rating)
        VALUES ($item, $seq, $round, $rater, $at, $rating)
        ON CONFLICT DO NOTHING
        """;

    private const string Select = """
        SELECT Seq, RoundId, RaterId, RatedAt, Rating FROM ItemRating
        WHERE ItemId = $item AND Seq > $after
        ORDER BY Seq
        """;

    public override async Task<IReadOnlyList<RecordedRating>> ReadAsync(Guid itemId, int afterSeq, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnectionSetup.OpenForReadAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Select;
        AddParameter(command, "$item", Key(itemId));
        AddParameter(command, "$after", afterSeq);
        var ratings = new List<RecordedRating>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var seq = reader.GetInt32(0);
            ratings.Add(new RecordedRating(
                itemId, seq, ReadKey(reader, 1), ReadKey(reader, 2), ParseRating(reader.GetString(4), itemId, seq), ReadTime(reader, 3)));
        }

        return ratings;
    }

    protected override Task<bool[]> InsertAsync(DbTransaction transaction, IReadOnlyList<RecordedRating> rows, CancellationToken cancellationToken)
    {
        // Synchronous either way in Microsoft.Data.Sqlite; one command reused per row.
        using var command = Command(transaction, Insert);
        var item = AddParameter(command, "$item", string.Empty);
        var seq = AddParameter(command, "$seq", 0);
        var round = AddParameter(command, "$round", string.Empty);
        var rater = AddParameter(command, "$rater", string.Empty);
        var at = AddParameter(command, "$at", 0L);
        var rating = AddParameter(command, "$rating", string.Empty);
        var inserted = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows[i];
            item.Value = Key(row.ItemId);
            seq.Value = row.Seq;
            round.Value = Key(row.RoundId);
            rater.Value = Key(row.RaterId);
            at.Value = Time(row.At);
            rating.Value = RatingJson(row.Rating);
            inserted[i] = command.ExecuteNonQuery() == 1;
        }

        return Task.FromResult(inserted);
    }
}
