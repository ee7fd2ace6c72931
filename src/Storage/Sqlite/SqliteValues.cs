using System.Data.Common;
using System.Globalization;

namespace Quorum.Storage.Sqlite;

/// <summary>
/// How Quorum's own SQLite tables hold what SQLite has no type for: ids as 32 hex digits (TEXT), times as Unix
/// milliseconds (INTEGER).
/// </summary>
internal static class SqliteValues
{
    public static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    public static Guid ReadKey(DbDataReader reader, int ordinal) => Guid.ParseExact(reader.GetString(ordinal), "N");

    public static long Time(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
