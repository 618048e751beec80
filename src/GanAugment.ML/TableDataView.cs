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
    public static IDataView FromTables(params Table[] tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Length == 0)
        {
            throw new ArgumentException("At least one table is needed.", nameof(tables));
        }

        var table = tables[0];
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
        foreach (var part in tables)
        {
            foreach (var column in columns)
            {
                column.Append(part);
            }
        }

        return new ColumnarDataView(schema, columns, tables.Sum(t => t.RowCount));
    }
}
