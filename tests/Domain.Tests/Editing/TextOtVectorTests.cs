using System.Text.Json;
using Quorum.Domain.Editing;

namespace Quorum.Domain.Tests.Editing;

/// <summary>Apply, transform and compose give, for every published ot-text-unicode vector, the package's own result (as normalised JSON).</summary>
public sealed class TextOtVectorTests
{
    [Fact]
    public void Every_apply_vector_gives_its_result_as_string_and_as_buffer()
    {
        var lines = VectorFile.Lines("ot-vectors/textot-apply.ndjson.gz");
        var failures = Check(lines, line =>
        {
            var document = line.GetProperty("str").GetString()!;
            var op = VectorFile.Op(line.GetProperty("op"));
            var expected = line.GetProperty("result").GetString()!;
            var viaString = TextOt.Apply(document, op);
            var buffer = new TextBuffer(document);
            buffer.Apply(op);
            var viaBuffer = buffer.ToString();
            return viaString == expected && viaBuffer == expected ? null : $"string gave \"{viaString}\", buffer \"{viaBuffer}\", expected \"{expected}\"";
        });

        Assert.Equal(4316, lines.Count);
        Assert.True(failures.Count == 0, Report("apply", lines.Count, failures));
    }

    [Fact]
    public void Every_transform_vector_gives_its_result()
    {
        var lines = VectorFile.Lines("ot-vectors/textot-transform.ndjson.gz");
        var failures = Check(lines, line =>
        {
            var side = line.GetProperty("side").GetString() switch
            {
                "left" => Side.Left,
                "right" => Side.Right,
                var other => throw new InvalidDataException($"side {other}"),
            };
            var actual = TextOt.Transform(VectorFile.Op(line.GetProperty("op")), VectorFile.Op(line.GetProperty("otherOp")), side).ToString();
            var expected = VectorFile.Op(line.GetProperty("result")).ToString();
            return actual == expected ? null : $"gave {actual}, expected {expected}";
        });

        Assert.Equal(4508, lines.Count);
        Assert.True(failures.Count == 0, Report("transform", lines.Count, failures));
    }

    [Fact]
    public void Every_compose_vector_gives_its_result()
    {
        var lines = VectorFile.Lines("ot-vectors/textot-compose.ndjson.gz");
        var failures = Check(lines, line =>
        {
            var actual = TextOt.Compose(VectorFile.Op(line.GetProperty("op1")), VectorFile.Op(line.GetProperty("op2"))).ToString();
            var expected = VectorFile.Op(line.GetProperty("result")).ToString();
            return actual == expected ? null : $"gave {actual}, expected {expected}";
        });

        Assert.Equal(1415, lines.Count);
        Assert.True(failures.Count == 0, Report("compose", lines.Count, failures));
    }

    [Fact]
    public void Every_legacy_transform_test_gives_its_expected_op()
    {
        // Records of four lines: op, otherOp, side, expected; deletes compare by length, as the package's test reader does.
        var lines = File.ReadAllLines(VectorFile.PathOf("ot-vectors/text-transform-tests.txt")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(184, lines.Length);
        var records = Enumerable.Range(0, lines.Length / 4)
            .Select(i => JsonSerializer.SerializeToElement(new { line = 4 * i + 1, op = lines[4 * i], other = lines[4 * i + 1], side = lines[4 * i + 2], expected = lines[4 * i + 3] }))
            .ToList();

        var failures = Check(records, record =>
        {
            var side = record.GetProperty("side").GetString() == "left" ? Side.Left : Side.Right;
            var op = Legacy(record.GetProperty("op").GetString()!);
            var other = Legacy(record.GetProperty("other").GetString()!);
            var expected = Legacy(record.GetProperty("expected").GetString()!).ToString();
            var actual = TextOt.Transform(op, other, side).WithoutDeletedText().ToString();
            return actual == expected ? null : $"line {record.GetProperty("line").GetInt32()}: gave {actual}, expected {expected}";
        });

        Assert.Equal(46, records.Count);
        Assert.True(failures.Count == 0, Report("legacy transform", records.Count, failures));
    }

    /// <summary>The old component syntax: a number skips, {"i": s} inserts, {"d": s} deletes s (read as its length).</summary>
    private static TextOp Legacy(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TextOp.From(document.RootElement.EnumerateArray().Select(c => c.ValueKind switch
        {
            JsonValueKind.Number => OpComponent.Retain(c.GetInt32()),
            JsonValueKind.Object when c.TryGetProperty("i", out var i) => OpComponent.Insert(i.GetString()!),
            JsonValueKind.Object when c.TryGetProperty("d", out var d) => OpComponent.Delete(CodePoints.Count(d.GetString())),
            _ => throw new InvalidDataException($"Unknown legacy component {c.GetRawText()} in {json}"),
        }).ToList());
    }

    private static List<string> Check(List<JsonElement> cases, Func<JsonElement, string?> run)
    {
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            string? problem;
            try
            {
                problem = run(cases[i]);
            }
            catch (Exception e)
            {
                problem = $"threw {e.GetType().Name}: {e.Message}";
            }

            if (problem is not null)
            {
                failures.Add($"#{i + 1} {cases[i].GetRawText()}: {problem}");
            }
        }

        return failures;
    }

    private static string Report(string what, int total, List<string> failures) =>
        $"{failures.Count} of {total} {what} vectors failed ({total - failures.Count} passed). First ones:\n" + string.Join("\n", failures.Take(10));
}
