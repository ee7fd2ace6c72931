using System.IO.Compression;
using System.Text.Json;
using Quorum.Domain.Editing;

namespace Quorum.Domain.Tests.Editing;

/// <summary>Reads the shared test data in place (never copied into the repository); a missing file fails the test.</summary>
internal static class VectorFile
{
    public static string PathOf(string relative)
    {
        var path = Path.Combine(TestData.Folder(), relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Test data file {relative} is missing from {TestData.Folder()}.", path);
    }

    /// <summary>Every line of a gzipped NDJSON file, parsed.</summary>
    public static List<JsonElement> Lines(string relative)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(PathOf(relative)), CompressionMode.Decompress));
        var lines = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                using var document = JsonDocument.Parse(line);
                lines.Add(document.RootElement.Clone());
            }
        }

        return lines;
    }

    /// <summary>A whole gzipped JSON file.</summary>
    public static JsonDocument ReadGzip(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        return JsonDocument.Parse(stream);
    }

    public static TextOp Op(JsonElement json) =>
        TextOpJson.TryParse(json, out var op, out var error) ? op : throw new InvalidDataException($"{json.GetRawText()}: {error}");
}
