using GanAugment.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML.Data;

/// <summary>
/// One column of an ML.NET data view held in a compact buffer (no object per row): it reads real rows from
/// a cursor, shows them to the GAN as one or more table columns, takes synthetic rows back from a decoded
/// table, and serves every row to ML.NET through getters of the column's own type.
/// </summary>
internal abstract class ViewColumn
{
    protected ViewColumn(DataViewSchema.Column source) => Source = source;

    /// <summary>The ML.NET column: name, type and annotations, kept unchanged in the augmented view.</summary>
    public DataViewSchema.Column Source { get; }

    /// <summary>Rows held.</summary>
    public int Count { get; protected set; }

    /// <summary>Makes the buffer hold at least <paramref name="rows"/> rows.</summary>
    public abstract void EnsureCapacity(int rows);

    /// <summary>A delegate that appends the cursor's current value.</summary>
    public abstract Action CreateAppender(DataViewRow row);

    /// <summary>The rows held so far, as table columns for the encoder.</summary>
    public abstract IEnumerable<TableColumn> ToTableColumns();

    /// <summary>
    /// Appends the rows of <paramref name="synthetic"/>
    /// (table columns named as <see cref="ToTableColumns"/> names them).
    /// </summary>
    public abstract void Append(Table synthetic);

    /// <summary>A getter reading the row that <paramref name="position"/> points at.</summary>
    public abstract Delegate CreateGetter(Func<int> position);

    /// <summary>Creates the buffer for <paramref name="column"/>, or explains why its type is not supported.</summary>
    public static ViewColumn Create(DataViewSchema.Column column, bool isLabel)
    {
        var type = column.Type;
        var raw = type.RawType;
        if (type is KeyDataViewType key)
        {
            return raw == typeof(uint)
                ? new KeyViewColumn(column, key)
                : throw SchemaErrors.Mismatch(column.Name, "a key of UInt32", type.ToString() ?? "?");
        }

        if (isLabel && type is not (BooleanDataViewType or TextDataViewType))
        {
            throw SchemaErrors.Mismatch(column.Name, "Boolean, Key or String (a class label)", type.ToString() ?? "?");
        }

        return type switch
        {
            BooleanDataViewType => new BooleanViewColumn(column),
            TextDataViewType => new TextViewColumn(column),
            NumberDataViewType => NumericViewColumn.Create(column, raw, 1),
            VectorDataViewType { IsKnownSize: true, ItemType: NumberDataViewType item } vector =>
                NumericViewColumn.Create(column, item.RawType, vector.Size),
            _ => throw SchemaErrors.Mismatch(column.Name,
                "a numeric, Boolean, String or key scalar, or a known-size numeric vector", type.ToString() ?? "?"),
        };
    }
}
