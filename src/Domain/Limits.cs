namespace Quorum.Domain;

/// <summary>
/// Bounds on every input a person can send. Each is enforced on the server before anything is stored;
/// docs/limits.md lists them for users.
/// </summary>
public static class Limits
{
    public const int StemLength = 4_000;
    public const int OptionLength = 600;
    public const int RationaleLength = 4_000;
    public const int VignetteLength = 12_000;
    public const int CommentLength = 4_000;
    public const int ReasonLength = 1_000;
    public const int ResolutionNoteLength = 1_000;
    public const int PersonNameLength = 120;
    public const int EmailLength = 254;
    public const int PanelNameLength = 200;
    public const int GroupNameLength = 60;
    public const int GroupsPerPanel = 20;
    public const int MembersPerPanel = 5_000;
    public const int FrameworkTitleLength = 300;
    public const int FrameworkIdLength = 64;
    public const int StatementsPerFramework = 200;
    public const int StatementTitleLength = 300;
    public const int ItemsPerScenario = 40;
    public const int ThreadsPerItem = 500;
    public const int ItemsPerRound = 20_000;
    public const int ItemsPerImport = 5_000;
    public const int ItemsPerPanel = 200_000;
    public const int CommentsPerThread = 2_000;

    /// <summary>Largest SignalR message the server accepts, in bytes (a 12,000-character vignette JSON-escaped is about 72 KB).</summary>
    public const int HubMessageBytes = 128 * 1024;
}
