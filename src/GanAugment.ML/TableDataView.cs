using GanAugment.ML.Data;
using GanAugment.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML;

/// <summary>Turns a <see cref="Table"/> (real or synthetic rows) into an ML.NET <see cref="IDataView"/>.</summary>
public static class TableDataView
{
    /// <summary>
    /// A data view over <paramref name="table"/>'s rows, held in compact column buffers: continuous and integer
    /// columns become <see cref="float"/> (NaN where missing), categorical columns text (empty where missing),
    /// boolean columns <see cref="bool"/> (false where missing).
    /// </summary>
    public static IDataView FromTable(Table table) => FromTables(table);

    /// <summary>
    /// A data view over the rows of several tables with the same columns, one after the other (real rows and the
    /// rows an oversampler made, for example).
    /// </summary>
    public static IDataView FromTables(params Table[] tables) => FromTables((IEnumerable<Table>)tables);

    /// <summary>
    /// A data view over a stream of tables with the same columns, such as the blocks of
    /// <see cref="Sampling.GanSampler.SampleBlocks"/>: each block is copied into the column buffers as it
    /// arrives and then dropped, so memory holds the buffers only.
    /// </summary>
    public static IDataView FromTables(IEnumerable<Table> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var parts = tables.GetEnumerator();
        if (!parts.MoveNext())
        {
            throw new ArgumentException("At least one table is needed.", nameof(tables));
        }

        var table = parts.Current;
        var builder = new DataViewSchema.Builder();
        foreach (var column in table.Columns)
        {
            DataViewType type = column.Kind switch
            {
                ColumnKind.Boolean => BooleanDataViewType.Instance,
                ColumnKind.Categorical => TextDataViewType.Instance,
                _ => NumberDataViewType.Single,
            };
            builder.AddColumn(column.Name, type);
        }

        var schema = builder.ToSchema();
        var columns = schema.Select(c => ViewColumn.Create(c, isLabel: false)).ToArray();
        var rows = 0;
        do
        {
            foreach (var column in columns)
            {
                column.Append(parts.Current);
            }

            rows += parts.Current.RowCount;
        }
        while (parts.MoveNext());

        return new ColumnarDataView(schema, columns, rows);
    }
}
