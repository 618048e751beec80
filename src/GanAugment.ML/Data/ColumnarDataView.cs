using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML.Data;

/// <summary>
/// An <see cref="IDataView"/> over column buffers: the real rows followed by the synthetic ones, with the
/// input's schema (names, types, key counts, slot names and other annotations). Rows are generated once
/// and then served from memory, so a trainer's hundred passes cost no more sampling. It shuffles when ML.NET
/// asks, with the <see cref="Random"/> it passes.
/// </summary>
internal sealed class ColumnarDataView : IDataView
{
    readonly IReadOnlyList<ViewColumn> _columns;
    readonly int _rows;

    public ColumnarDataView(DataViewSchema schema, IReadOnlyList<ViewColumn> columns, int rows)
    {
        Schema = schema;
        _columns = columns;
        _rows = rows;
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        int[]? order = null;
        if (rand is not null)
        {
            order = Enumerable.Range(0, _rows).ToArray();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = rand.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        return new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet(), order);
    }

    public DataViewRowCursor[] GetRowCursorSet(
        IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    sealed class Cursor(ColumnarDataView view, HashSet<int> active, int[]? order) : DataViewRowCursor
    {
        long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (_position + 1 >= view._rows)
            {
                _position = view._rows;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)Row(), 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested from this cursor.");
            }

            return view._columns[column.Index].CreateGetter(Row) as ValueGetter<TValue>
                ?? throw new InvalidOperationException(
                    $"Invalid TValue in GetGetter: '{typeof(TValue)}', expected type: '{column.Type.RawType}'.");
        }

        int Row() => order is null ? (int)_position : order[_position];
    }
}
