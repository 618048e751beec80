using System.Globalization;
using GanAugment.Tabular;

namespace GanAugment.Encoding;

public sealed partial class TableEncoding
{
    /// <summary>Learns the encoding of <paramref name="table"/>.</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="labelColumn">The label column, or null for none. Integer labels are read as classes.</param>
    /// <param name="options">Mode-specific normalisation settings; CTGAN's by default.</param>
    /// <exception cref="InvalidTrainingDataException">
    /// The label is unknown, continuous or has fewer than two classes, or no row has a label.
    /// </exception>
    public static TableEncoding Fit(Table table, string? labelColumn = null, EncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new EncoderOptions();

        var labelIndex = -1;
        if (labelColumn is not null && !table.TryIndexOf(labelColumn, out labelIndex))
        {
            throw new InvalidTrainingDataException(
                $"Unknown label column '{labelColumn}'. The columns are: " +
                $"{string.Join(", ", table.Columns.Select(c => c.Name))}.", labelColumn);
        }

        if (table.Columns.Count < 2 && labelIndex >= 0)
        {
            throw new InvalidTrainingDataException(
                $"The table has only the label column '{labelColumn}'; there is nothing to generate.", labelColumn);
        }

        var label = labelIndex >= 0 ? AsLabel(table.Columns[labelIndex]) : null;
        var rows = label is null
            ? Enumerable.Range(0, table.RowCount).ToArray()
            : Enumerable.Range(0, table.RowCount).Where(r => label.Codes![r] >= 0).ToArray();
        if (rows.Length == 0)
        {
            throw new InvalidTrainingDataException(
                $"Every row's label ('{labelColumn}') is missing; there is nothing to learn from.", labelColumn);
        }

        var used = table.SelectRows(rows);
        var columns = new ColumnEncoding[table.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = c == labelIndex
                ? FitLabel(label!.Select(rows))
                : FitColumn(used.Columns[c], options);
        }

        var classCodes = label?.Select(rows).Codes;
        var classCount = labelIndex >= 0 ? columns[labelIndex].Categories.Length : 1;
        var classCounts = new int[classCount];
        for (var r = 0; r < rows.Length; r++)
        {
            classCounts[classCodes?[r] ?? 0]++;
        }

        var encoding = new TableEncoding { Columns = columns, ClassCounts = classCounts, ConditionCounts = [] };
        var conditionCounts = encoding.ConditionalColumns.Select(c =>
        {
            var counts = new int[classCount][];
            for (var k = 0; k < classCount; k++)
            {
                counts[k] = new int[columns[c].CategorySlots];
            }

            for (var r = 0; r < rows.Length; r++)
            {
                counts[classCodes?[r] ?? 0][encoding.SlotOf(c, used.Columns[c].Codes![r])]++;
            }

            return counts;
        }).ToArray();

        return new TableEncoding { Columns = columns, ClassCounts = classCounts, ConditionCounts = conditionCounts };
    }

    /// <summary>The one-hot slot of a category code; a missing value takes the last slot.</summary>
    internal int SlotOf(int column, int code) => code >= 0 ? code : Columns[column].Categories.Length;

    static TableColumn AsLabel(TableColumn column)
    {
        switch (column.Kind)
        {
            case ColumnKind.Categorical or ColumnKind.Boolean:
                return column;
            case ColumnKind.Integer:
                var distinct = column.Numbers!.Where(v => !double.IsNaN(v)).Distinct().Order().ToArray();
                var names = distinct.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
                var codes = column.Numbers!.Select(v => double.IsNaN(v) ? -1 : Array.IndexOf(distinct, v)).ToArray();
                return TableColumn.Categorical(column.Name, codes, names);
            default:
                throw new InvalidTrainingDataException(
                    $"Label column '{column.Name}' is continuous; a label must be categorical, boolean or integer.",
                    column.Name);
        }
    }

    static ColumnEncoding FitLabel(TableColumn label)
    {
        var present = label.Codes!.Distinct().Count();
        if (present < 2)
        {
            var only = label.Categories[label.Codes![0]];
            throw new InvalidTrainingDataException(
                $"Label column '{label.Name}' has only one class ('{only}'); a label needs at least two.", label.Name);
        }

        return new ColumnEncoding
        {
            Name = label.Name,
            Kind = ColumnKind.Categorical,
            IsLabel = true,
            Categories = [.. label.Categories],
        };
    }

    static ColumnEncoding FitColumn(TableColumn column, EncoderOptions options)
    {
        var hasMissing = column.CountMissing() > 0;
        if (!column.IsNumeric)
        {
            return new ColumnEncoding
            {
                Name = column.Name,
                Kind = column.Kind,
                HasMissing = hasMissing,
                Categories = [.. column.Categories],
            };
        }

        var values = column.Numbers!.Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            throw new InvalidTrainingDataException(
                $"Column '{column.Name}' has only missing values; drop it or fill it in.", column.Name);
        }

        var mixture = VariationalGaussianMixture
            .Fit(values, options.MaxModes, options.WeightConcentration)
            .WithoutComponentsBelow(options.MinModeWeight);
        return new ColumnEncoding
        {
            Name = column.Name,
            Kind = column.Kind,
            HasMissing = hasMissing,
            Minimum = values.Min(),
            Maximum = values.Max(),
            DecimalPlaces = column.DecimalPlaces,
            ModeWeights = mixture.Weights,
            ModeMeans = mixture.Means,
            ModeDeviations = mixture.StandardDeviations,
        };
    }
}
