using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Quorum.Domain.Consensus;
using Quorum.Storage.Journals;

namespace Quorum.Storage.Consensus;

/// <summary>
/// One database's side of the rating journal: a row per rating, keyed by item and number, the answers as JSON.
/// An append is one rating.
/// </summary>
internal abstract class RatingStore(DbDataSource writers) : JournalStore<RecordedRating>(writers)
{
    // Web defaults (camelCase) and essentiality by name, as the API writes them; computed properties such as
    // Rating.NeedsReason are not answers, and an unanswered instrument is left out.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<Essentiality>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public abstract Task<IReadOnlyList<RecordedRating>> ReadAsync(Guid itemId, int afterSeq, CancellationToken cancellationToken);

    /// <summary>Never called: an append is one rating, so a refused append stored no row to take back.</summary>
    protected sealed override Task DeleteAsync(DbTransaction transaction, IReadOnlyList<RecordedRating> rows, CancellationToken cancellationToken) =>
        throw new UnreachableException("A refused rating append has no stored row to delete.");

    protected static string RatingJson(Rating rating) => JsonSerializer.Serialize(rating, Json);

    protected static Rating ParseRating(string json, Guid itemId, int seq)
    {
        try
        {
            return JsonSerializer.Deserialize<Rating>(json, Json) ?? throw new JsonException("The rating is null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The stored rating {seq} of item {itemId} is not valid: {exception.Message}", exception);
        }
    }
}
