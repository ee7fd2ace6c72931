using System.Text.Json;
using Quorum.Domain.Editing;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;

namespace Quorum.Simulator.Tests;

/// <summary>What the simulator sends and reads has the shapes of docs/api.md: camelCase names, enums as camelCase strings.</summary>
public sealed class JsonShapeTests
{
    [Fact]
    public void Draft_is_sent_with_camel_case_names_and_enum_strings()
    {
        var scenario = Guid.Parse("0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80");
        var draft = new ItemDraft(ItemKind.MultipleResponse, "kss-cfp-3", "Stem", ["a", "b"], [0, 2, 5], null, null, scenario);

        Assert.Equal(
            """{"kind":"multipleResponse","statementId":"kss-cfp-3","stem":"Stem","options":["a","b"],"keys":[0,2,5],"rationale":null,"vignette":null,"scenarioId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80"}""",
            JsonSerializer.Serialize(draft, QuorumJson.Options));
    }

    [Fact]
    public void Rating_is_sent_as_documented()
    {
        var rating = new Rating(Essentiality.UsefulNotEssential, 2, null, "Too narrow é");

        Assert.Equal(
            """{"essentiality":"usefulNotEssential","relevance":2,"keyCorrect":null,"reason":"Too narrow é"}""",
            JsonSerializer.Serialize(rating, QuorumJson.Options));
    }

    [Fact]
    public void Stale_refusal_is_read_with_the_current_field()
    {
        const string json = """
            {"ok":false,"value":{"field":"stem","text":"Now","revision":7,"editedBy":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11",
             "editedByName":"Academic 3","editedAt":"2026-12-03T10:00:00+00:00"},
             "error":{"code":"stale","message":"Someone changed this field.","field":"stem"}}
            """;

        var outcome = JsonSerializer.Deserialize<Outcome<FieldState>>(json, QuorumJson.Options)!;

        Assert.False(outcome.Ok);
        Assert.Equal("stale", outcome.Error!.Code);
        Assert.Equal(new FieldState("stem", "Now", 7, Guid.Parse("6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11"), "Academic 3", DateTimeOffset.Parse("2026-12-03T10:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture)), outcome.Value);
    }

    [Fact]
    public void Op_is_sent_as_text_unicode_json()
    {
        var op = TextOp.From(OpComponent.Retain(3), OpComponent.Insert("ins é"), OpComponent.Delete(2));

        // The op is one of Edit's arguments, which SignalR serialises as objects.
        Assert.Equal("""[3,"ins é",{"d":2}]""", JsonSerializer.Serialize<object>(op, QuorumJson.Options));
    }

    [Fact]
    public void Field_edits_are_read_with_their_ops()
    {
        const string json = """
            {"itemId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11","field":"stem","edits":[
              {"revision":8,"op":[3,"ins",{"d":2}],"clientId":"tab-1","clientSeq":4,"authorId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80","at":"2026-12-03T10:00:00Z"},
              {"revision":9,"op":[{"d":"gone"}],"clientId":"tab-2","clientSeq":1,"authorId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a81","at":"2026-12-03T10:00:01Z"}]}
            """;

        var edits = JsonSerializer.Deserialize<FieldEdits>(json, QuorumJson.Options)!;

        Assert.Equal("stem", edits.Field);
        Assert.Equal([8, 9], edits.Edits.Select(e => e.Revision));
        var applied = edits.Edits[0].ToApplied();
        Assert.Equal(TextOp.From(OpComponent.Retain(3), OpComponent.Insert("ins"), OpComponent.Delete(2)), applied.Op);
        Assert.Equal(("tab-1", 4L), (applied.ClientId, applied.ClientSeq));
        Assert.Equal(TextOp.From(OpComponent.Delete("gone")), edits.Edits[1].Op);
    }

    [Fact]
    public void Sync_reads_either_edits_or_the_whole_text()
    {
        const string edits = """
            {"itemId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11","field":"rationale","revision":2,"edits":[
              {"revision":2,"op":["x"],"clientId":"t","clientSeq":1,"authorId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80","at":"2026-12-03T10:00:00Z"}],
             "text":null,"lastClientSeq":null}
            """;
        const string text = """
            {"itemId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11","field":"rationale","revision":6002,"edits":null,"text":"All of it","lastClientSeq":17}
            """;

        var caughtUp = JsonSerializer.Deserialize<FieldSync>(edits, QuorumJson.Options)!;
        var behind = JsonSerializer.Deserialize<FieldSync>(text, QuorumJson.Options)!;

        Assert.Equal(2, Assert.Single(caughtUp.Edits!).Revision);
        Assert.Null(caughtUp.Text);
        Assert.Null(behind.Edits);
        Assert.Equal(("All of it", 17L), (behind.Text, behind.LastClientSeq));
    }

    [Fact]
    public void Edit_ack_reads()
    {
        var outcome = JsonSerializer.Deserialize<Outcome<EditAck>>("""{"ok":true,"value":{"revision":12,"duplicate":true},"error":null}""", QuorumJson.Options)!;

        Assert.Equal(new EditAck(12, Duplicate: true), outcome.Value);
    }

    [Fact]
    public void Summary_with_unrated_statistics_reads()
    {
        const string json = """
            {"itemId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11","panelId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80","kind":"scenario",
             "status":"inReview","statementId":"kss-cfp-1","authorId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d12","authorName":"Lawyer 2",
             "title":"A family","comments":3,"openChallenges":1,
             "ratings":{"raters":0,"essential":0,"usefulNotEssential":0,"notNecessary":0,"relevance":[0,0,0,0],"keyAgree":0,
               "keyDisagree":0,"contentValidityRatio":null,"criticalEssential":null,"criticalRatio":null,"meetsCriticalValue":false,
               "itemContentValidityIndex":null,"modifiedKappa":null},
             "reviewClosed":false,"scenarioId":null,"createdAt":"2026-12-03T10:00:00Z","updatedAt":"2026-12-03T10:05:00Z"}
            """;

        var summary = JsonSerializer.Deserialize<ItemSummary>(json, QuorumJson.Options)!;

        Assert.Equal(ItemKind.Scenario, summary.Kind);
        Assert.Equal(ItemStatus.InReview, summary.Status);
        Assert.Equal(1, summary.OpenChallenges);
        Assert.Null(summary.Ratings.CriticalEssential);
        Assert.Equal([0, 0, 0, 0], summary.Ratings.Relevance);
    }

    [Fact]
    public void Report_line_has_exactly_the_documented_keys_in_order()
    {
        var report = new SimulationReport(40, 100, 2_345, 310, 61, 3_512, 2, 0, 187.4, Guid.Parse("0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80"))
        {
            Resolutions = 30,
            ItemsSeenLive = 100,
        };

        Assert.Equal(
            """{"experts":40,"items":100,"edits":2345,"comments":310,"challenges":61,"ratings":3512,"refusals":2,"errors":0,"seconds":187.4,"panelId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80"}""",
            report.ToJson());
    }
}
