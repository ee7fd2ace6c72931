using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quorum.Domain.Frameworks;

/// <summary>A framework that items align to: a title and numbered statement headings.</summary>
public sealed record Framework(string Id, string Title, string? Publisher, string? Source, IReadOnlyList<FrameworkStatement> Statements)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 8,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The largest framework file accepted, in bytes.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public FrameworkStatement? Statement(string id) => Statements.FirstOrDefault(s => s.Id == id);

    /// <summary>Reads a framework from JSON of the shipped shape; returns the problem instead when it is not one.</summary>
    public static (Framework? Framework, InputProblem? Problem) Parse(string json)
    {
        if (json.Length > MaxFileBytes)
        {
            return (null, new InputProblem("framework", $"A framework file can be at most {MaxFileBytes / 1024} KB."));
        }

        Framework? framework;
        try
        {
            framework = JsonSerializer.Deserialize<Framework>(json, Json);
        }
        catch (JsonException e)
        {
            return (null, new InputProblem("framework", $"The framework file is not valid JSON: {e.Message}"));
        }

        if (framework is null)
        {
            return (null, new InputProblem("framework", "The framework file is empty."));
        }

        var problem = framework.Validate();
        return problem is null ? (framework, null) : (null, problem);
    }

    /// <summary>Checks identifiers, titles and bounds; null when the framework is usable.</summary>
    public InputProblem? Validate()
    {
        if (!IsIdentifier(Id))
        {
            return new InputProblem("framework.id", $"The framework id must be 1-{Limits.FrameworkIdLength} letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Length > Limits.FrameworkTitleLength)
        {
            return new InputProblem("framework.title", $"The framework needs a title of at most {Limits.FrameworkTitleLength} characters.");
        }

        if (Publisher is { Length: > Limits.FrameworkTitleLength } || Source is { Length: > 2 * Limits.FrameworkTitleLength })
        {
            return new InputProblem("framework.publisher", "The framework's publisher or source note is too long.");
        }

        if (Statements is null || Statements.Count == 0 || Statements.Count > Limits.StatementsPerFramework)
        {
            return new InputProblem("framework.statements", $"A framework needs 1-{Limits.StatementsPerFramework} statements.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in Statements)
        {
            if (statement is null || !IsIdentifier(statement.Id))
            {
                return new InputProblem("framework.statements", "Every statement needs an id of letters, digits, '-' or '_'.");
            }

            if (!ids.Add(statement.Id))
            {
                return new InputProblem("framework.statements", $"Statement id '{statement.Id}' appears twice.");
            }

            if (string.IsNullOrWhiteSpace(statement.Title) || statement.Title.Length > Limits.StatementTitleLength)
            {
                return new InputProblem("framework.statements", $"Statement '{statement.Id}' needs a title of at most {Limits.StatementTitleLength} characters.");
            }
        }

        return null;
    }

    internal static bool IsIdentifier(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= Limits.FrameworkIdLength &&
        id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>One statement heading of a framework.</summary>
public sealed record FrameworkStatement(string Id, int Number, string Title);
