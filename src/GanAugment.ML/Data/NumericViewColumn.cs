using GanAugment.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML.Data;

/// <summary>A numeric scalar (one slot) or known-size numeric vector; values held as doubles, row-major.</summary>
internal abstract class NumericViewColumn : ViewColumn
{
    protected NumericViewColumn(DataViewSchema.Column source, int slots)
        : base(source) => Slots = slots;

    public int Slots { get; }

    protected double[] Values { get; private set; } = [];

    public static ViewColumn Create(DataViewSchema.Column column, Type raw, int slots)
    {
        if (!NumericConversions.Supported.Contains(raw))
        {
            throw SchemaErrors.Mismatch(column.Name, "a numeric type", raw.Name);
        }

        return (ViewColumn)Activator.CreateInstance(typeof(NumericViewColumn<>).MakeGenericType(raw), column, slots)!;
    }

    public override void EnsureCapacity(int rows)
    {
        if (Values.Length < rows * Slots)
        {
            var grown = new double[Math.Max(rows, Count * 2) * Slots];
            Values.AsSpan(0, Count * Slots).CopyTo(grown);
            Values = grown;
        }
    }

    /// <summary>
    /// The table column name of slot <paramref name="slot"/>: the column name, or name[slot] for vectors.
    /// </summary>
    public string SlotName(int slot) => Source.Type is VectorDataViewType ? $"{Source.Name}[{slot}]" : Source.Name;

    public override IEnumerable<TableColumn> ToTableColumns()
    {
        var kind = NumericConversions.IsInteger(ItemType) ? ColumnKind.Integer : ColumnKind.Continuous;
        for (var slot = 0; slot < Slots; slot++)
        {
            var values = new double[Count];
            for (var row = 0; row < Count; row++)
            {
                values[row] = Values[row * Slots + slot];
            }

            yield return TableColumn.Numeric(SlotName(slot), kind, values);
        }
    }

    public override void Append(Table synthetic)
    {
        var rows = synthetic.RowCount;
        EnsureCapacity(Count + rows);
        for (var slot = 0; slot < Slots; slot++)
        {
            var values = synthetic[SlotName(slot)].Numbers!;
            for (var row = 0; row < rows; row++)
            {
                Values[(Count + row) * Slots + slot] = values[row];
            }
        }

        Count += rows;
    }

    protected abstract Type ItemType { get; }
}

/// <summary>The typed half of <see cref="NumericViewColumn"/>.</summary>
internal sealed class NumericViewColumn<T>(DataViewSchema.Column source, int slots) : NumericViewColumn(source, slots)
    where T : struct
{
    protected override Type ItemType => typeof(T);

    public override Action CreateAppender(DataViewRow row)
    {
        var toDouble = NumericConversions.ToDouble<T>();
        if (Slots == 1 && Source.Type is not VectorDataViewType)
        {
            var getter = row.GetGetter<T>(Source);
            T value = default;
            return () =>
            {
                EnsureCapacity(Count + 1);
                getter(ref value);
                Values[Count++] = toDouble(value);
            };
        }

        var vectorGetter = row.GetGetter<VBuffer<T>>(Source);
        VBuffer<T> vector = default;
        return () =>
        {
            EnsureCapacity(Count + 1);
            vectorGetter(ref vector);
            var destination = Values.AsSpan(Count * Slots, Slots);
            destination.Clear();
            foreach (var (slot, item) in vector.Items())
            {
                destination[slot] = toDouble(item);
            }

            Count++;
        };
    }

    public override Delegate CreateGetter(Func<int> position)
    {
        var fromDouble = NumericConversions.FromDouble<T>();
        if (Source.Type is not VectorDataViewType)
        {
            return (ValueGetter<T>)((ref T value) => value = fromDouble(Values[position()]));
        }

        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            var editor = VBufferEditor.Create(ref value, Slots);
            var start = position() * Slots;
            for (var slot = 0; slot < Slots; slot++)
            {
                editor.Values[slot] = fromDouble(Values[start + slot]);
            }

            value = editor.Commit();
        });
    }
}
