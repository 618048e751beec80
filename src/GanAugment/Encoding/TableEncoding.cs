using System.Text.Json.Serialization;

namespace GanAugment.Encoding;

/// <summary>
/// The fitted encoder of a table: how each column maps to and from the generator's space, and the
/// category counts that drive conditional sampling. Saved in the model package's manifest.
/// </summary>
/// <remarks>
/// The encoded row holds, per non-label column in source order: for a numeric column a tanh value
/// and a one-hot mode (plus a present/missing pair when it had missing values); for a categorical or
/// boolean column a one-hot category (plus a missing slot). The conditional vector holds the label's
/// one-hot class (when there is a label) followed by one one-hot block per categorical or boolean
/// non-label column, the conditional columns.
/// </remarks>
public sealed partial class TableEncoding
{
    OutputSpan[]? _spans;
    int[]? _conditionalColumns;

    /// <summary>The columns, in the source's order.</summary>
    public required IReadOnlyList<ColumnEncoding> Columns { get; init; }

    /// <summary>Rows per class of the label (a single entry, all rows, without a label).</summary>
    public required int[] ClassCounts { get; init; }

    /// <summary>
    /// For each conditional column, rows per class (first index) and category slot (second index): the
    /// joint counts used to pick conditions when sampling.
    /// </summary>
    public required int[][][] ConditionCounts { get; init; }

    /// <summary>The label column, or null when the table has none.</summary>
    [JsonIgnore]
    public ColumnEncoding? Label => Columns.FirstOrDefault(c => c.IsLabel);

    /// <summary>The index of the label column, or -1.</summary>
    [JsonIgnore]
    public int LabelIndex => Columns.ToList().FindIndex(c => c.IsLabel);

    /// <summary>The label's classes, or an empty list without a label.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Classes => Label?.Categories ?? [];

    /// <summary>Indices (into <see cref="Columns"/>) of the categorical and boolean non-label columns.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> ConditionalColumns => _conditionalColumns ??= Enumerable.Range(0, Columns.Count)
        .Where(i => !Columns[i].IsLabel && !Columns[i].IsNumeric).ToArray();

    /// <summary>The spans of the encoded row, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<OutputSpan> Spans => _spans ??= BuildSpans();

    /// <summary>The width of an encoded row, which is also the generator's output width.</summary>
    [JsonIgnore]
    public int DataWidth => Spans.Count == 0 ? 0 : Spans[^1].Start + Spans[^1].Length;

    /// <summary>The number of label classes, or 0 without a label.</summary>
    [JsonIgnore]
    public int ClassCount => Label?.Categories.Length ?? 0;

    /// <summary>The width of the conditional vector.</summary>
    [JsonIgnore]
    public int ConditionWidth => ClassCount + ConditionalColumns.Sum(c => Columns[c].CategorySlots);

    /// <summary>Where the block of the <paramref name="conditional"/>-th conditional column starts.</summary>
    public int ConditionOffset(int conditional)
    {
        var offset = ClassCount;
        for (var i = 0; i < conditional; i++)
        {
            offset += Columns[ConditionalColumns[i]].CategorySlots;
        }

        return offset;
    }

    /// <summary>The span of category slots of a column, which must be categorical or boolean.</summary>
    public OutputSpan CategorySpan(int column) => Spans.First(s => s.Column == column && s.Role == SpanRole.Category);

    /// <summary>Checks an encoding read from an untrusted package; throws <see cref="FormatException"/>.</summary>
    internal void Validate()
    {
        if (Columns is null || Columns.Count == 0)
        {
            throw new FormatException("the encoder has no columns.");
        }

        foreach (var column in Columns)
        {
            (column ?? throw new FormatException("a column entry is null.")).Validate();
        }

        if (Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != Columns.Count)
        {
            throw new FormatException("two columns share a name.");
        }

        if (Columns.Count(c => c.IsLabel) > 1)
        {
            throw new FormatException("more than one column is marked as the label.");
        }

        if (Columns.All(c => c.IsLabel))
        {
            throw new FormatException("no column besides the label is generated.");
        }

        var classes = Math.Max(ClassCount, 1);
        if (ClassCounts is null || ClassCounts.Length != classes
            || ClassCounts.Any(c => c < 0) || ClassCounts.Sum() <= 0)
        {
            throw new FormatException($"the class counts do not match the {classes} class(es).");
        }

        if (ConditionCounts is null || ConditionCounts.Length != ConditionalColumns.Count)
        {
            throw new FormatException("the condition counts do not match the conditional columns.");
        }

        for (var i = 0; i < ConditionCounts.Length; i++)
        {
            var slots = Columns[ConditionalColumns[i]].CategorySlots;
            if (ConditionCounts[i] is not { } perClass || perClass.Length != classes ||
                perClass.Any(row => row is null || row.Length != slots || row.Any(c => c < 0)))
            {
                throw new FormatException(
                    $"the condition counts of column '{Columns[ConditionalColumns[i]].Name}' have the wrong shape.");
            }
        }
    }

    OutputSpan[] BuildSpans()
    {
        var spans = new List<OutputSpan>();
        var start = 0;
        void Add(int length, SpanActivation activation, SpanRole role, int column)
        {
            spans.Add(new OutputSpan(start, length, activation, role, column));
            start += length;
        }

        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            if (column.IsLabel)
            {
                continue;
            }

            if (column.IsNumeric)
            {
                Add(1, SpanActivation.Tanh, SpanRole.Value, c);
                Add(column.ModeMeans.Length, SpanActivation.Softmax, SpanRole.Mode, c);
                if (column.HasMissing)
                {
                    Add(2, SpanActivation.Softmax, SpanRole.Presence, c);
                }
            }
            else
            {
                Add(column.CategorySlots, SpanActivation.Softmax, SpanRole.Category, c);
            }
        }

        return spans.ToArray();
    }
}
