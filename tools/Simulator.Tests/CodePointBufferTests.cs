using System.IO.Compression;
using System.Text.Json;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Tests;

/// <summary>Splicing counts Unicode code points, not UTF-16 units, so text beyond the Basic Multilingual Plane edits correctly.</summary>
public sealed class CodePointBufferTests
{
    [Fact]
    public void Insert_after_an_emoji_counts_it_as_one_position()
    {
        var text = new CodePointBuffer("a😀b");

        text.Splice(2, 0, "X");

        Assert.Equal("a😀Xb", text.ToString());
        Assert.Equal(4, text.Length);
    }

    [Fact]
    public void Deleting_one_code_point_removes_a_whole_surrogate_pair()
    {
        var text = new CodePointBuffer("a😀🤖b");

        text.Splice(1, 1, "");

        Assert.Equal("a🤖b", text.ToString());
    }

    [Fact]
    public void Splice_deletes_then_inserts_at_the_same_place()
    {
        var text = new CodePointBuffer("hello world");

        text.Splice(6, 5, "there 🤖");
        text.Splice(0, 0, ">");

        Assert.Equal(">hello there 🤖", text.ToString());
    }

    [Fact]
    public void Edits_far_apart_and_growth_keep_the_text_whole()
    {
        var text = new CodePointBuffer();
        for (var i = 0; i < 1_000; i++)
        {
            text.Splice(text.Length / 2, 0, i % 2 == 0 ? "ab" : "😀");
        }

        text.Splice(0, 0, "[");
        text.Splice(text.Length, 0, "]");

        Assert.Equal(1_502, text.Length);
        Assert.StartsWith("[", text.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("]", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(2_002, text.ToString().Length);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(2, 2)]
    [InlineData(-1, 0)]
    public void Splice_outside_the_text_is_refused(int position, int deleteCount)
    {
        var text = new CodePointBuffer("a😀b");

        Assert.Throws<ArgumentOutOfRangeException>(() => text.Splice(position, deleteCount, "x"));
    }

    [Fact]
    public void Replace_takes_the_whole_new_text()
    {
        var text = new CodePointBuffer("old text");

        text.Replace("new 😀");

        Assert.Equal("new 😀", text.ToString());
        Assert.Equal(5, text.Length);
    }

    /// <summary>
    /// The published text-unicode apply vectors, turned into splices: most of them hold characters outside the
    /// BMP, where counting UTF-16 units would put every edit in the wrong place.
    /// </summary>
    [Fact]
    public void Published_apply_vectors_give_their_results_as_splices()
    {
        var path = TestData.File("ot-vectors", "textot-apply.ndjson.gz");
        using var file = System.IO.File.OpenRead(path);
        using var unzipped = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(unzipped);
        var checkedVectors = 0;
        var outsideBmp = 0;
        while (reader.ReadLine() is { } line)
        {
            using var vector = JsonDocument.Parse(line);
            var start = vector.RootElement.GetProperty("str").GetString()!;
            var expected = vector.RootElement.GetProperty("result").GetString()!;
            var text = new CodePointBuffer(start);
            var cursor = 0;
            foreach (var component in vector.RootElement.GetProperty("op").EnumerateArray())
            {
                switch (component.ValueKind)
                {
                    case JsonValueKind.Number:
                        cursor += component.GetInt32();
                        break;
                    case JsonValueKind.String:
                        var inserted = component.GetString()!;
                        text.Splice(cursor, 0, inserted);
                        cursor += CodePointBuffer.CodePointCount(inserted);
                        break;
                    default:
                        var deleted = component.GetProperty("d");
                        text.Splice(cursor, deleted.ValueKind == JsonValueKind.Number ? deleted.GetInt32() : CodePointBuffer.CodePointCount(deleted.GetString()!), "");
                        break;
                }
            }

            Assert.True(expected == text.ToString(), $"vector {checkedVectors + 1}: expected '{expected}', got '{text}'");
            checkedVectors++;
            if (expected.Length != CodePointBuffer.CodePointCount(expected))
            {
                outsideBmp++;
            }
        }

        Assert.Equal(4_316, checkedVectors);
        Assert.Equal(4_313, outsideBmp);
    }
}
