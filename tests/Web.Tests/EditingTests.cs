using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>
/// Character-level editing over real Kestrel and SignalR: ops from two people on one revision are merged and
/// reach viewers once stored, a resend is harmless, bad ops are refused with a reason while the field and the
/// connection stay as they were, and viewers see each other's carets come and go.
/// </summary>
public sealed class EditingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ops_from_two_people_on_one_revision_are_merged_and_reach_a_viewer_once_stored()
    {
        var (one, two, itemId) = await TwoEditorsAsync("The child walks.");
        var edits = Channel.CreateUnbounded<JsonNode>();
        two.Hub.On<JsonNode>("fieldEdits", e => edits.Writer.TryWrite(e));
        await two.Hub.CallOkAsync("OpenItem", itemId);

        var first = await one.Hub.CallOkAsync("Edit", itemId, "stem", 1, Op("[4,{\"d\":\"child\"},\"toddler 🚶\"]"), "tab-one", 1);
        var second = await two.Hub.CallOkAsync("Edit", itemId, "stem", 1, Op("[15,\" unaided\"]"), "tab-two", 1);

        Assert.Equal(2, first["revision"]!.GetValue<int>());
        Assert.Equal(3, second["revision"]!.GetValue<int>());
        var pushed = new List<JsonNode>();
        while (pushed.Count < 2)
        {
            var e = await edits.Reader.ReadAsync().AsTask().WaitAsync(EventWait);
            Assert.Equal((itemId.ToString(), "stem"), (e["itemId"]!.GetValue<string>(), e["field"]!.GetValue<string>()));
            pushed.AddRange(e["edits"]!.AsArray().Select(x => x!));
        }

        Assert.Equal([2, 3], pushed.Select(e => e["revision"]!.GetValue<int>()));
        Assert.Equal(("tab-one", 1L), (pushed[0]["clientId"]!.GetValue<string>(), pushed[0]["clientSeq"]!.GetValue<long>()));
        Assert.Equal("[19,\" unaided\"]", pushed[1]["op"]!.ToJsonString());
        var view = await two.Hub.CallOkAsync("OpenItem", itemId);
        Assert.Equal("The toddler 🚶 walks unaided.", view["fields"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resent_op_is_acknowledged_as_a_duplicate_and_a_tab_catches_up_and_reads_history()
    {
        var (one, two, itemId) = await TwoEditorsAsync("Walk");
        await one.Hub.CallOkAsync("Edit", itemId, "stem", 1, Op("[4,\"s\"]"), "tab-one", 1);

        var again = await one.Hub.CallOkAsync("Edit", itemId, "stem", 1, Op("[4,\"s\"]"), "tab-one", 1);
        var sync = await two.Hub.CallOkAsync("SyncField", itemId, "stem", "tab-two", 1);
        var before = await two.Hub.CallOkAsync("FieldAt", itemId, "stem", 1);

        Assert.Equal((2, true), (again["revision"]!.GetValue<int>(), again["duplicate"]!.GetValue<bool>()));
        Assert.Equal("[4,\"s\"]", Assert.Single(sync["edits"]!.AsArray())!["op"]!.ToJsonString());
        Assert.Equal(2, sync["revision"]!.GetValue<int>());
        Assert.Equal("Walk", before["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("stem", 1, "{\"d\":1}", "tab", 1, "op", "must be a JSON array")]
    [InlineData("stem", 1, "[9,\"x\"]", "tab", 1, "stem", "needs a text of at least 9 characters")]
    [InlineData("stem", 1, "[-1]", "tab", 1, "op", "positive whole number")]
    [InlineData("stem", 1, "[{\"d\":\"Run\"}]", "tab", 1, "stem", "deletes \"Run\"")]
    [InlineData("stem", 7, "[\"x\"]", "tab", 1, "stem", "revision 7 of the text, which does not exist")]
    [InlineData("stem", -1, "[\"x\"]", "tab", 1, "revision", "0 or more")]
    [InlineData("stem", 1, "[\"x\"]", "a tab", 1, "clientId", "letters, digits")]
    [InlineData("stem", 1, "[\"x\"]", "tab", 0, "clientSeq", "1 or more")]
    [InlineData("option9", 1, "[\"x\"]", "tab", 1, "field", "not a text field")]
    [InlineData("keys", 1, "[\"x\"]", "tab", 1, "field", "not a text field")]
    public async Task A_bad_edit_is_refused_with_its_reason_and_changes_nothing(string field, int baseRevision, string op, string clientId, long seq, string at, string reason)
    {
        var (one, _, itemId) = await TwoEditorsAsync("Walk");

        var refused = await one.Hub.CallAsync("Edit", itemId, field, baseRevision, Op(op), clientId, seq);

        Assert.Equal("invalid", refused["error"]!["code"]!.GetValue<string>());
        Assert.Equal(at, refused["error"]!["field"]!.GetValue<string>());
        Assert.Contains(reason, refused["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, one.Hub.State);
        var stem = (await one.Hub.CallOkAsync("OpenItem", itemId))["fields"]![0]!;
        Assert.Equal(("Walk", 1), (stem["text"]!.GetValue<string>(), stem["revision"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_field_pushed_past_its_limit_is_refused()
    {
        var (one, _, itemId) = await TwoEditorsAsync("Walk");

        var refused = await one.Hub.CallAsync("Edit", itemId, "option1", 1, Op($"[\"{new string('x', 600)}\"]"), "tab", 1);

        Assert.Contains("at most 600 characters; the change would make it 609", refused["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewers_see_each_others_carets_and_a_closed_tab_leaves_at_once()
    {
        var (one, two, itemId) = await TwoEditorsAsync("Walk");
        var carets = Channel.CreateUnbounded<JsonNode>();
        two.Hub.On<JsonNode>("presence", p => carets.Writer.TryWrite(p));
        await two.Hub.CallOkAsync("OpenItem", itemId);
        await one.Hub.CallOkAsync("OpenItem", itemId);

        await one.Hub.CallOkAsync("Presence", itemId, "tab-one", "stem", 1, 1, 3);
        var seen = await carets.Reader.ReadAsync().AsTask().WaitAsync(EventWait);
        await one.Hub.StopAsync();
        var left = await carets.Reader.ReadAsync().AsTask().WaitAsync(EventWait);

        Assert.Equal(("tab-one", "Una One", "stem", 1, 3, false), Caret(seen));
        Assert.Equal(("tab-one", "Una One", null, 0, 0, true), Caret(left));
        Assert.Equal("invalid", (await two.Hub.CallAsync("Presence", itemId, "tab-two", "stem", 1, -1, 0))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("invalid", (await two.Hub.CallAsync("Presence", itemId, "tab-two", "nofield", 1, 0, 0))["error"]!["code"]!.GetValue<string>());
    }

    private static (string, string, string?, int, int, bool) Caret(JsonNode p) => (
        p["clientId"]!.GetValue<string>(), p["name"]!.GetValue<string>(), p["field"]?.GetValue<string>(),
        p["anchor"]!.GetValue<int>(), p["head"]!.GetValue<int>(), p["left"]!.GetValue<bool>());

    private async Task<(Person One, Person Two, Guid ItemId)> TwoEditorsAsync(string stem)
    {
        var one = await fixture.SharedExpertAsync("Una One");
        var two = await fixture.SharedExpertAsync("Tom Two");
        var hubOne = await one.ConnectHubAsync();
        var hubTwo = await two.ConnectHubAsync();
        var item = await hubOne.CallOkAsync("CreateItem", fixture.PanelId, ItemDrafts.Question(stem: stem));
        return (new Person(one, hubOne), new Person(two, hubTwo), ServerFixture.IdOf(item["summary"]!, "itemId"));
    }

    private static JsonNode Op(string json) => JsonNode.Parse(json)!;

    private sealed record Person(QuorumClient Client, HubConnection Hub);
}
