using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Quorum.Domain.Consensus;
using Quorum.Storage.Postgres;
using static Quorum.Storage.Postgres.PostgresBatch;

namespace Quorum.Storage.Consensus;

/// <summary>The rating journal in PostgreSQL: a commit's ratings go in one statement over arrays.</summary>
internal sealed class PostgresRatingStore(NpgsqlDataSource dataSource) : RatingStore(dataSource)
{
    private const string Insert = """
        INSERT INTO item_rating (item_id, seq, round_id, rater_id, rated_at, rating)
        SELECT * FROM unnest(@items, @seqs, @rounds, @raters, @ats, @ratings)
        ON CONFLICT DO NOTHING
        RETURNING item_id, seq
        """;

    private const string Select = """
        SELECT seq, round_id, rater_id, rated_at, rating FROM item_rating
        WHERE item_id = @item AND seq > @after
        ORDER BY seq
        """;

    public override async Task<IReadOnlyList<RecordedRating>> ReadAsync(Guid itemId, int afterSeq, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.AddWithValue("item", itemId);
        command.Parameters.AddWithValue("after", afterSeq);
        var ratings = new List<RecordedRating>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var seq = reader.GetInt32(0);
            ratings.Add(new RecordedRating(
                itemId,
                seq,
                reader.GetGuid(1),
                reader.GetGuid(2),
                ParseRating(reader.GetString(4), itemId, seq),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero)));
        }

        return ratings;
    }

    protected override async Task<bool[]> InsertAsync(DbTransaction transaction, IReadOnlyList<RecordedRating> rows, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, Insert);
        command.Parameters.Add(Array("items", NpgsqlDbType.Uuid, rows.Select(r => r.ItemId)));
        command.Parameters.Add(Array("seqs", NpgsqlDbType.Integer, rows.Select(r => r.Seq)));
        command.Parameters.Add(Array("rounds", NpgsqlDbType.Uuid, rows.Select(r => r.RoundId)));
        command.Parameters.Add(Array("raters", NpgsqlDbType.Uuid, rows.Select(r => r.RaterId)));
        command.Parameters.Add(Array("ats", NpgsqlDbType.TimestampTz, rows.Select(r => r.At.UtcDateTime)));
        command.Parameters.Add(Array("ratings", NpgsqlDbType.Text, rows.Select(r => RatingJson(r.Rating))));
        return await PostgresBatch.InsertAsync(
            command, rows, r => (r.ItemId, r.Seq), r => (r.GetGuid(0), r.GetInt32(1)), cancellationToken).ConfigureAwait(false);
    }
}
