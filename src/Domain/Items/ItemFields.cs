namespace Quorum.Domain.Items;

/// <summary>
/// Names of the text fields of an item, as the browser and the grains address them.
/// Options are "option0".."option7" so that every field is one flat name.
/// </summary>
public static class ItemFields
{
    public const string Stem = "stem";
    public const string Rationale = "rationale";
    public const string Vignette = "vignette";
    public const string OptionPrefix = "option";

    public static string Option(int index) => OptionPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many options an item of this kind has (0 for a scenario).</summary>
    public static int OptionCount(ItemKind kind) => kind switch
    {
        ItemKind.SingleBestAnswer => 4,
        ItemKind.MultipleResponse => 8,
        _ => 0,
    };

    /// <summary>How many keys (correct options) an item of this kind has.</summary>
    public static int KeyCount(ItemKind kind) => kind switch
    {
        ItemKind.SingleBestAnswer => 1,
        ItemKind.MultipleResponse => 3,
        _ => 0,
    };

    /// <summary>Every text field an item of this kind carries, in display order.</summary>
    public static IReadOnlyList<string> For(ItemKind kind)
    {
        if (kind == ItemKind.Scenario)
        {
            return [Vignette];
        }

        var fields = new List<string> { Stem };
        for (var i = 0; i < OptionCount(kind); i++)
        {
            fields.Add(Option(i));
        }

        fields.Add(Rationale);
        return fields;
    }

    /// <summary>Whether <paramref name="field"/> names a text field some item kind can have.</summary>
    public static bool IsTextField(string? field) => field is not null && MaxLength(field) > 0 &&
        (field is Stem or Rationale or Vignette ||
         (field.Length == OptionPrefix.Length + 1 && field[^1] is >= '0' and <= '7'));

    /// <summary>The longest text a field may hold, in characters (documented in docs/limits.md).</summary>
    public static int MaxLength(string field) => field switch
    {
        Stem => Limits.StemLength,
        Rationale => Limits.RationaleLength,
        Vignette => Limits.VignetteLength,
        _ when field.StartsWith(OptionPrefix, StringComparison.Ordinal) => Limits.OptionLength,
        _ => 0,
    };
}
