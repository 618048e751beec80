using GanAugment.Tabular;

namespace GanAugment.Oversampling;

/// <summary>
/// Synthetic rows being built one at a time, column by column, in the schema of a source table. Each
/// step writes some columns of the current row; <see cref="Next"/> moves to the next row.
/// </summary>
internal sealed class SyntheticRows
{
    readonly Table _source;
    readonly double[]?[] _numbers;
    readonly int[]?[] _codes;
    readonly int[]?[] _votes;
    int _row;

    /// <summary>Prepares <paramref name="rowCount"/> rows shaped like <paramref name="source"/>.</summary>
    public SyntheticRows(Table source, int rowCount)
    {
        _source = source;
        var columns = source.Columns;
        _numbers = new double[]?[columns.Count];
        _codes = new int[]?[columns.Count];
        _votes = new int[]?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].IsNumeric)
            {
                _numbers[c] = new double[rowCount];
            }
            else
            {
                _codes[c] = new int[rowCount];
                _votes[c] = new int[columns[c].Categories.Count];
            }
        }
    }

    /// <summary>Copies every column of the source's <paramref name="row"/>.</summary>
    public void CopyRow(int row)
    {
        for (var c = 0; c < _source.Columns.Count; c++)
        {
            CopyColumn(c, row);
        }
    }

    /// <summary>Copies column <paramref name="column"/> of the source's <paramref name="row"/>.</summary>
    public void CopyColumn(int column, int row)
    {
        var source = _source.Columns[column];
        if (source.Numbers is { } numbers)
        {
            _numbers[column]![_row] = numbers[row];
        }
        else
        {
            _codes[column]![_row] = source.Codes![row];
        }
    }

    /// <summary>
    /// Writes x + step·(neighbour − x) in each numeric column, rounded to the column's decimal places
    /// (0 for integers) when known; x's value where either value is missing.
    /// </summary>
    public void Interpolate(int x, int neighbour, double step, int[] columns)
    {
        foreach (var c in columns)
        {
            var source = _source.Columns[c];
            var from = source.Numbers![x];
            var to = source.Numbers[neighbour];
            if (double.IsNaN(from) || double.IsNaN(to))
            {
                _numbers[c]![_row] = from;
                continue;
            }

            var value = from + step * (to - from);
            _numbers[c]![_row] = source.DecimalPlaces is { } places && places <= 15
                ? Math.Round(value, places, MidpointRounding.AwayFromZero)
                : value;
        }
    }

    /// <summary>
    /// Writes, in each categorical or boolean column, the value most frequent among the neighbours
    /// (<paramref name="near"/> indexes <paramref name="classRows"/>); ties go to the smaller code, missing
    /// values do not vote, and x's value stays when no neighbour has one.
    /// </summary>
    public void Vote(int x, int[] near, int[] classRows, int[] columns)
    {
        foreach (var c in columns)
        {
            var codes = _source.Columns[c].Codes!;
            var votes = _votes[c]!;
            Array.Clear(votes);
            foreach (var n in near)
            {
                var code = codes[classRows[n]];
                if (code >= 0)
                {
                    votes[code]++;
                }
            }

            var winner = codes[x];
            var most = 0;
            for (var code = 0; code < votes.Length; code++)
            {
                if (votes[code] > most)
                {
                    winner = code;
                    most = votes[code];
                }
            }

            _codes[c]![_row] = winner;
        }
    }

    /// <summary>Moves to the next row.</summary>
    public void Next() => _row++;

    /// <summary>The rows built, with the source's columns, kinds, categories and decimal places.</summary>
    public Table ToTable()
    {
        var columns = new TableColumn[_source.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var source = _source.Columns[c];
            columns[c] = source.Kind switch
            {
                ColumnKind.Continuous or ColumnKind.Integer =>
                    TableColumn.Numeric(source.Name, source.Kind, _numbers[c]!, source.DecimalPlaces),
                ColumnKind.Boolean => TableColumn.Boolean(source.Name, _codes[c]!),
                _ => TableColumn.Categorical(source.Name, _codes[c]!, source.Categories),
            };
        }

        return new Table(columns);
    }
}
