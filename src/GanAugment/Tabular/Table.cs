namespace GanAugment.Tabular;

/// <summary>A table of real or synthetic rows, stored column by column.</summary>
public sealed class Table
{
    readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a table; every column must have the same length and a distinct name.</summary>
    public Table(IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!_indexByName.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"Column name '{columns[i].Name}' appears twice.", nameof(columns));
            }

            if (columns[i].Length != columns[0].Length)
            {
                throw new ArgumentException(
                    $"Column '{columns[i].Name}' has {columns[i].Length} rows; " +
                    $"column '{columns[0].Name}' has {columns[0].Length}.", nameof(columns));
            }
        }

        Columns = columns;
    }

    /// <summary>The columns, in source order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => Columns[0].Length;

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name; the message lists the columns.</exception>
    public TableColumn this[string name] => Columns[IndexOf(name)];

    /// <summary>The position of the column called <paramref name="name"/>.</summary>
    public int IndexOf(string name) =>
        TryIndexOf(name, out var index)
            ? index
            : throw new KeyNotFoundException(
                $"Unknown column '{name}'. The columns are: {string.Join(", ", Columns.Select(c => c.Name))}.");

    /// <summary>Finds the column called <paramref name="name"/>, if any.</summary>
    public bool TryIndexOf(string name, out int index) => _indexByName.TryGetValue(name, out index);

    /// <summary>A new table holding only the given rows, in the given order.</summary>
    public Table SelectRows(IReadOnlyList<int> rows) => new(Columns.Select(c => c.Select(rows)).ToArray());
}
