using GanAugment.Tabular;

namespace GanAugment.Encoding;

/// <summary>
/// What the encoder learned about one column: its kind, range and modes for numbers, its categories
/// otherwise. Saved in the model package's manifest; everything needed to decode lives here.
/// </summary>
public sealed record ColumnEncoding
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>The column's kind.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>True for the label column, which is a condition and never generated.</summary>
    public bool IsLabel { get; init; }

    /// <summary>True when the training data had missing values in this column.</summary>
    public bool HasMissing { get; init; }

    /// <summary>The smallest value seen (numeric columns); decoded values never go below it.</summary>
    public double Minimum { get; init; }

    /// <summary>The largest value seen (numeric columns); decoded values never go above it.</summary>
    public double Maximum { get; init; }

    /// <summary>Digits kept after the decimal point when decoding (numeric columns); null keeps all.</summary>
    public int? DecimalPlaces { get; init; }

    /// <summary>Weights of the modes kept by mode-specific normalisation (numeric columns).</summary>
    public double[] ModeWeights { get; init; } = [];

    /// <summary>Means of the modes (numeric columns).</summary>
    public double[] ModeMeans { get; init; } = [];

    /// <summary>Standard deviations of the modes (numeric columns).</summary>
    public double[] ModeDeviations { get; init; } = [];

    /// <summary>The categories, in code order (categorical, boolean and label columns).</summary>
    public string[] Categories { get; init; } = [];

    /// <summary>True for continuous and integer columns.</summary>
    public bool IsNumeric => Kind is ColumnKind.Continuous or ColumnKind.Integer;

    /// <summary>
    /// The number of one-hot slots of a categorical column: its categories, plus one for "missing" when
    /// the column had missing values.
    /// </summary>
    public int CategorySlots => Categories.Length + (HasMissing ? 1 : 0);

    /// <summary>The mixture behind a numeric column's modes.</summary>
    internal GaussianMixture Mixture => new(ModeWeights, ModeMeans, ModeDeviations);

    /// <summary>Checks that a column read from an untrusted package is usable; throws with the reason.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new FormatException("a column has no name.");
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new FormatException($"column '{Name}' has an unknown kind.");
        }

        if (IsNumeric && !IsLabel)
        {
            ValidateNumeric();
        }
        else
        {
            ValidateCategories();
        }
    }

    void ValidateNumeric()
    {
        var modes = ModeWeights?.Length ?? 0;
        if (modes == 0 || ModeMeans?.Length != modes || ModeDeviations?.Length != modes)
        {
            throw new FormatException($"column '{Name}' has inconsistent mode lists.");
        }

        for (var j = 0; j < modes; j++)
        {
            if (!(ModeWeights![j] is >= 0 and <= 1) || !double.IsFinite(ModeMeans![j]) ||
                !(ModeDeviations![j] > 0) || !double.IsFinite(ModeDeviations[j]))
            {
                throw new FormatException($"column '{Name}' has an invalid mode {j}.");
            }
        }

        if (!double.IsFinite(Minimum) || !double.IsFinite(Maximum) || Minimum > Maximum)
        {
            throw new FormatException($"column '{Name}' has an invalid range [{Minimum}, {Maximum}].");
        }

        if (DecimalPlaces is < 0 or > 15)
        {
            throw new FormatException($"column '{Name}' keeps {DecimalPlaces} decimal places; 0 to 15 allowed.");
        }
    }

    void ValidateCategories()
    {
        if (Categories is null || Categories.Length == 0)
        {
            throw new FormatException($"column '{Name}' has no categories.");
        }

        if (Categories.Distinct(StringComparer.Ordinal).Count() != Categories.Length || Categories.Any(c => c is null))
        {
            throw new FormatException($"column '{Name}' has repeated or null categories.");
        }
    }
}
