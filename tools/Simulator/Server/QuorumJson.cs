using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quorum.Simulator.Server;

/// <summary>JSON as docs/api.md describes it: web defaults (camelCase) and enums as camelCase strings.</summary>
public static class QuorumJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A fresh instance, for the SignalR protocol, which owns and freezes the one it is given.</summary>
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Browsers send non-ASCII text as raw UTF-8; escaping it as \uXXXX would inflate a long vignette
            // towards the hub's 64 KB message limit.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
