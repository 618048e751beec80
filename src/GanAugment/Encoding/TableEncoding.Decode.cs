using System.Buffers;
using System.Numerics.Tensors;
using GanAugment.Tabular;

namespace GanAugment.Encoding;

public sealed partial class TableEncoding
{
    const float LogitLimit = 80f;

    /// <summary>
    /// Turns raw generator outputs into synthetic rows in the source's column order and kinds: tanh for
    /// a numeric value, and a draw from the softmax of each mode, category or presence group (the
    /// Gumbel-max view of CTGAN's sampling step). Numbers are put back in their mode, clipped to the
    /// observed range and rounded to the source's precision.
    /// </summary>
    /// <param name="raw">
    /// Generator outputs before activation, row-major, <paramref name="rows"/> × <see cref="DataWidth"/>.
    /// </param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="classes">Each row's requested class (ignored without a label).</param>
    /// <param name="random">The source of the slot draws.</param>
    /// <param name="fixedColumn">A conditional column whose value was requested, or -1.</param>
    /// <param name="fixedSlot">The requested category slot of <paramref name="fixedColumn"/>.</param>
    public Table Decode(
        ReadOnlySpan<float> raw, int rows, ReadOnlySpan<int> classes, RandomSource random,
        int fixedColumn = -1, int fixedSlot = -1)
    {
        ArgumentNullException.ThrowIfNull(random);
        var width = DataWidth;
        if (raw.Length < rows * width)
        {
            throw new ArgumentException($"Expected {rows} × {width} raw values, got {raw.Length}.", nameof(raw));
        }

        var numbers = new double[Columns.Count][];
        var codes = new int[Columns.Count][];
        for (var c = 0; c < Columns.Count; c++)
        {
            if (Columns[c].IsNumeric && !Columns[c].IsLabel)
            {
                numbers[c] = new double[rows];
            }
            else
            {
                codes[c] = new int[rows];
            }
        }

        // exp of every output at once (vectorised); logits are clamped to ±80 so that exp stays finite in
        // float, which changes a softmax only where two logits of a group differ by more than 160.
        // Pooled: a block's weights are over the large-object threshold, and a fresh array per block made
        // the garbage collector a visible cost of sampling.
        var pooled = ArrayPool<float>.Shared.Rent(rows * width);
        try
        {
            var weights = pooled.AsSpan(0, rows * width);
            TensorPrimitives.Min(raw[..(rows * width)], LogitLimit, weights);
            TensorPrimitives.Max(weights, -LogitLimit, weights);
            TensorPrimitives.Exp(weights, weights);
            for (var r = 0; r < rows; r++)
            {
                DecodeRow(raw.Slice(r * width, width), weights.Slice(r * width, width), r, numbers, codes, random);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pooled);
        }

        var labelIndex = LabelIndex;
        if (labelIndex >= 0)
        {
            classes[..rows].CopyTo(codes[labelIndex]);
        }

        if (fixedColumn >= 0)
        {
            // The condition is a request, not a suggestion: its rows carry the requested value.
            var code = fixedSlot < Columns[fixedColumn].Categories.Length ? fixedSlot : TableColumn.MissingCode;
            Array.Fill(codes[fixedColumn], code);
        }

        return new Table(Columns.Select((column, c) => ToTableColumn(column, numbers[c], codes[c])).ToArray());
    }

    void DecodeRow(
        ReadOnlySpan<float> row, ReadOnlySpan<float> weights, int r, double[][] numbers, int[][] codes,
        RandomSource random)
    {
        var spans = Spans;
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            var column = Columns[span.Column];
            if (span.Role == SpanRole.Category)
            {
                var slot = SampleSlot(row, weights, span, random);
                codes[span.Column][r] = slot < column.Categories.Length ? slot : TableColumn.MissingCode;
                continue;
            }

            // A numeric column: value, mode, then the optional presence pair.
            var modes = spans[s + 1];
            var alpha = Math.Clamp(Math.Tanh(row[span.Start]), -1, 1);
            var mode = SampleSlot(row, weights, modes, random);
            var value = alpha * 4 * column.ModeDeviations[mode] + column.ModeMeans[mode];
            s++;
            if (column.HasMissing)
            {
                var presence = spans[++s];
                if (SampleSlot(row, weights, presence, random) == 1)
                {
                    numbers[span.Column][r] = double.NaN;
                    continue;
                }
            }

            numbers[span.Column][r] = Finish(column, value);
        }
    }

    static double Finish(ColumnEncoding column, double value)
    {
        value = Math.Clamp(value, column.Minimum, column.Maximum);
        return column.DecimalPlaces is { } places && places <= 15
            ? Math.Round(value, places, MidpointRounding.AwayFromZero)
            : value;
    }

    /// <summary>
    /// Draws a slot of <paramref name="span"/> with probability softmax(logits), given the row's logits and
    /// their exponentials; when every weight underflowed, the largest logit wins.
    /// </summary>
    static int SampleSlot(
        ReadOnlySpan<float> row, ReadOnlySpan<float> rowWeights, OutputSpan span, RandomSource random)
    {
        var logits = row.Slice(span.Start, span.Length);
        var weights = rowWeights.Slice(span.Start, span.Length);
        var total = 0f;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (!(total > 0) || !float.IsFinite(total))
        {
            return TensorPrimitives.IndexOfMax(logits);
        }

        var target = (float)random.NextDouble() * total;
        for (var i = 0; i < weights.Length - 1; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    static TableColumn ToTableColumn(ColumnEncoding column, double[]? numbers, int[]? codes) => column switch
    {
        { IsLabel: true } => TableColumn.Categorical(column.Name, codes!, column.Categories),
        { IsNumeric: true } => TableColumn.Numeric(column.Name, column.Kind, numbers!, column.DecimalPlaces),
        { Kind: ColumnKind.Boolean } => TableColumn.Boolean(column.Name, codes!),
        _ => TableColumn.Categorical(column.Name, codes!, column.Categories),
    };
}
