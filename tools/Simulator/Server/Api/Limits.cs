namespace Quorum.Simulator.Server.Api;

/// <summary>The input limits of docs/api.md, in UTF-16 characters (the stricter reading of "characters").</summary>
public static class Limits
{
    public const int Stem = 4_000;
    public const int Rationale = 4_000;
    public const int Option = 600;
    public const int Vignette = 12_000;
    public const int Comment = 4_000;
    public const int Reason = 1_000;
    public const int ResolutionNote = 1_000;
    public const int PersonName = 120;
    public const int PanelName = 200;

    /// <summary>The longest text a hub text field may hold.</summary>
    public static int ForField(string field) => field switch
    {
        FieldNames.Stem => Stem,
        FieldNames.Rationale => Rationale,
        FieldNames.Vignette => Vignette,
        _ => Option,
    };
}
