using System.Globalization;
using GanAugment.Tabular;

namespace GanAugment.Oversampling;

/// <summary>Checks an oversampling request and groups the table's real rows by class.</summary>
internal static class OversamplingRequest
{
    /// <summary>
    /// The classes to grow, in the label's own order (category code, or ascending value for an integer
    /// label), so the result never depends on the dictionary's enumeration order. Rows whose label is
    /// missing belong to no class. Classes asked for no rows are left out.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The label is unknown or continuous, or a class is unknown or asked for a negative count; one message
    /// reports every bad entry of <paramref name="extraRowsPerClass"/>.
    /// </exception>
    public static IReadOnlyList<ClassRows> Resolve(
        Table table, string labelColumn, IReadOnlyDictionary<string, int> extraRowsPerClass)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        ArgumentNullException.ThrowIfNull(extraRowsPerClass);

        if (!table.TryIndexOf(labelColumn, out var labelIndex))
        {
            throw new ArgumentException(
                $"Unknown label column '{labelColumn}'. The columns are: " +
                $"{string.Join(", ", table.Columns.Select(c => c.Name))}.", nameof(labelColumn));
        }

        var label = table.Columns[labelIndex];
        if (label.Kind == ColumnKind.Continuous)
        {
            throw new ArgumentException(
                $"Label column '{labelColumn}' is continuous; oversampling needs a categorical, boolean " +
                "or integer label.", nameof(labelColumn));
        }

        var classes = GroupRows(label);
        CheckCounts(labelColumn, classes, extraRowsPerClass);

        var total = extraRowsPerClass.Values.Sum(count => (long)count);
        if (total > Array.MaxLength)
        {
            throw new ArgumentException(
                $"{total} synthetic rows were asked for; at most {Array.MaxLength} fit in one table.",
                nameof(extraRowsPerClass));
        }

        var resolved = new List<ClassRows>();
        for (var c = 0; c < classes.Count; c++)
        {
            var (name, rows) = classes[c];
            if (extraRowsPerClass.TryGetValue(name, out var count) && count > 0)
            {
                resolved.Add(new ClassRows(name, rows, count, (ulong)c));
            }
        }

        return resolved;
    }

    /// <summary>The classes present in the label, in its own order, each with its rows.</summary>
    static List<(string Name, int[] Rows)> GroupRows(TableColumn label)
    {
        var groups = new SortedDictionary<double, List<int>>();
        for (var row = 0; row < label.Length; row++)
        {
            if (label.IsMissing(row))
            {
                continue;
            }

            var key = label.Numbers is { } numbers ? numbers[row] : label.Codes![row];
            if (!groups.TryGetValue(key, out var rows))
            {
                rows = [];
                groups.Add(key, rows);
            }

            rows.Add(row);
        }

        return groups
            .Select(g => (Name(label, g.Key), g.Value.ToArray()))
            .ToList();
    }

    static string Name(TableColumn label, double key) =>
        label.IsNumeric ? key.ToString(CultureInfo.InvariantCulture) : label.Categories[(int)key];

    static void CheckCounts(
        string labelColumn, List<(string Name, int[] Rows)> classes,
        IReadOnlyDictionary<string, int> extraRowsPerClass)
    {
        var known = new HashSet<string>(classes.Select(c => c.Name), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, count) in extraRowsPerClass)
        {
            if (!known.Contains(name))
            {
                problems.Add($"class '{name}' has no rows in label column '{labelColumn}'");
            }

            if (count < 0)
            {
                problems.Add($"class '{name}' was asked for {count} rows; a count must be zero or more");
            }
        }

        if (problems.Count > 0)
        {
            var listed = classes.Count == 0
                ? "(none)"
                : string.Join(", ", classes.Select(c => $"'{c.Name}'"));
            throw new ArgumentException(
                $"Bad oversampling request: {string.Join("; ", problems)}. " +
                $"The classes of '{labelColumn}' are: {listed}.", nameof(extraRowsPerClass));
        }
    }
}
