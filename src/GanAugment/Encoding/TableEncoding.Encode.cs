using GanAugment.Tabular;

namespace GanAugment.Encoding;

public sealed partial class TableEncoding
{
    /// <summary>
    /// Encodes real rows for training. Each numeric value's mode is drawn from its posterior over the
    /// modes, as CTGAN does, so <paramref name="random"/> makes the result reproducible.
    /// </summary>
    /// <exception cref="InvalidTrainingDataException">
    /// The table's columns differ from the fitted ones, or hold a missing value where the fitted ones had none.
    /// </exception>
    public EncodedTable Encode(Table table, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(random);
        CheckSameColumns(table);

        var labelIndex = LabelIndex;
        var rows = labelIndex < 0
            ? Enumerable.Range(0, table.RowCount).ToArray()
            : Enumerable.Range(0, table.RowCount).Where(r => !table.Columns[labelIndex].IsMissing(r)).ToArray();
        var width = DataWidth;
        var data = new float[rows.Length * width];
        var posterior = new double[
            Columns.Where(c => c.IsNumeric).Select(c => c.ModeMeans.Length).DefaultIfEmpty(1).Max()];

        foreach (var span in Spans.Where(s => s.Role is SpanRole.Value or SpanRole.Category))
        {
            var column = Columns[span.Column];
            var source = table.Columns[span.Column];
            for (var i = 0; i < rows.Length; i++)
            {
                var row = data.AsSpan(i * width, width);
                if (column.IsNumeric)
                {
                    EncodeNumber(column, source.Numbers![rows[i]], span.Start, row, posterior, random);
                }
                else
                {
                    row[span.Start + SlotOf(span.Column, source.Codes![rows[i]])] = 1;
                }
            }
        }

        var labels = labelIndex < 0 ? null : ClassesOf(table.Columns[labelIndex], rows);
        var conditionCodes = ConditionalColumns
            .Select(c => rows.Select(r => SlotOf(c, table.Columns[c].Codes![r])).ToArray())
            .ToArray();
        return new EncodedTable(data, rows.Length, width, labels, conditionCodes);
    }

    /// <summary>Writes one numeric value: tanh slot, one-hot mode, then present/missing if the column has it.</summary>
    static void EncodeNumber(
        ColumnEncoding column, double value, int start, Span<float> row, double[] posterior, RandomSource random)
    {
        var modes = column.ModeMeans.Length;
        if (double.IsNaN(value))
        {
            // A missing value: neutral position in the heaviest mode, flagged in the presence pair.
            row[start + 1 + Array.IndexOf(column.ModeWeights, column.ModeWeights.Max())] = 1;
            row[start + 1 + modes + 1] = 1;
            return;
        }

        var probabilities = posterior.AsSpan(0, modes);
        column.Mixture.Posterior(value, probabilities);
        var mode = random.NextWeighted(probabilities);
        var scaled = (value - column.ModeMeans[mode]) / (4 * column.ModeDeviations[mode]);
        row[start] = (float)Math.Clamp(scaled, -0.99, 0.99);
        row[start + 1 + mode] = 1;
        if (column.HasMissing)
        {
            row[start + 1 + modes] = 1;
        }
    }

    int[] ClassesOf(TableColumn labelColumn, int[] rows)
    {
        var label = AsLabel(labelColumn);
        var classOf = label.Categories.Select(name => Array.IndexOf(Label!.Categories, name)).ToArray();
        var unknown = Array.IndexOf(classOf, -1);
        if (unknown >= 0)
        {
            throw new InvalidTrainingDataException(
                $"Label column '{label.Name}' holds '{label.Categories[unknown]}', which is not one of the fitted " +
                $"classes ({string.Join(", ", Label!.Categories)}).", label.Name);
        }

        return rows.Select(r => classOf[label.Codes![r]]).ToArray();
    }

    void CheckSameColumns(Table table)
    {
        if (table.Columns.Count != Columns.Count)
        {
            throw new InvalidTrainingDataException(
                $"Expected {Columns.Count} columns ({string.Join(", ", Columns.Select(c => c.Name))}), " +
                $"got {table.Columns.Count}.");
        }

        for (var c = 0; c < Columns.Count; c++)
        {
            var expected = Columns[c];
            var actual = table.Columns[c];
            var kindMatches = expected.IsLabel ? !actual.IsNumeric || actual.Kind == ColumnKind.Integer
                : actual.Kind == expected.Kind;
            if (actual.Name != expected.Name || !kindMatches)
            {
                throw new InvalidTrainingDataException(
                    $"Column {c + 1}: expected '{expected.Name}' ({expected.Kind}), " +
                    $"got '{actual.Name}' ({actual.Kind}).",
                    actual.Name);
            }

            if (!expected.IsLabel && !actual.IsNumeric && !actual.Categories.SequenceEqual(expected.Categories))
            {
                throw new InvalidTrainingDataException(
                    $"Column '{actual.Name}' has categories ({string.Join(", ", actual.Categories)}) " +
                    $"other than the fitted ones ({string.Join(", ", expected.Categories)}).", actual.Name);
            }

            if (!expected.IsLabel && !expected.HasMissing)
            {
                CheckNoMissing(actual, LabelIndex < 0 ? null : table.Columns[LabelIndex]);
            }
        }
    }

    /// <summary>A column fitted without missing values has no slot for one; writing it would corrupt the row.</summary>
    static void CheckNoMissing(TableColumn column, TableColumn? label)
    {
        for (var row = 0; row < column.Length; row++)
        {
            if (column.IsMissing(row) && label?.IsMissing(row) != true)
            {
                throw new InvalidTrainingDataException(
                    $"Column '{column.Name}' has a missing value in row {row + 1}, but the encoder was fitted on " +
                    "data without missing values there. Fit on data that includes them.", column.Name);
            }
        }
    }
}
