namespace GanAugment.Tabular;

/// <summary>
/// One column of a <see cref="Table"/>, stored compactly: numbers as <see cref="double"/> with
/// <see cref="double.NaN"/> for a missing value, categories as codes into
/// <see cref="Categories"/> with <see cref="MissingCode"/> for a missing value.
/// </summary>
public sealed class TableColumn
{
    /// <summary>The code of a missing categorical or boolean value.</summary>
    public const int MissingCode = -1;

    /// <summary>The categories of a boolean column, in code order.</summary>
    public static readonly IReadOnlyList<string> BooleanCategories = ["false", "true"];

    TableColumn(string name, ColumnKind kind, double[]? numbers, int[]? codes,
        IReadOnlyList<string>? categories, int? decimalPlaces)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Codes = codes;
        Categories = categories ?? [];
        DecimalPlaces = decimalPlaces;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The column's kind.</summary>
    public ColumnKind Kind { get; }

    /// <summary>True for continuous and integer columns.</summary>
    public bool IsNumeric => Kind is ColumnKind.Continuous or ColumnKind.Integer;

    /// <summary>Values of a numeric column (NaN where missing); null for other kinds.</summary>
    public double[]? Numbers { get; }

    /// <summary>Codes of a categorical or boolean column (-1 where missing); null for numeric kinds.</summary>
    public int[]? Codes { get; }

    /// <summary>The category for each code; empty for numeric columns.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>
    /// The most fractional digits seen in the source text of a numeric column, used to write synthetic
    /// values back at the source's precision; null when unknown.
    /// </summary>
    public int? DecimalPlaces { get; }

    /// <summary>The number of rows.</summary>
    public int Length => Numbers?.Length ?? Codes!.Length;

    /// <summary>Creates a continuous or integer column.</summary>
    public static TableColumn Numeric(string name, ColumnKind kind, double[] values, int? decimalPlaces = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (kind is not (ColumnKind.Continuous or ColumnKind.Integer))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A numeric column is continuous or integer.");
        }

        return new TableColumn(name, kind, values, null, null, kind == ColumnKind.Integer ? 0 : decimalPlaces);
    }

    /// <summary>Creates a categorical column from codes into <paramref name="categories"/>.</summary>
    public static TableColumn Categorical(string name, int[] codes, IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(categories);
        return new TableColumn(name, ColumnKind.Categorical, null, codes, categories, null);
    }

    /// <summary>Creates a boolean column from codes (0 false, 1 true, -1 missing).</summary>
    public static TableColumn Boolean(string name, int[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return new TableColumn(name, ColumnKind.Boolean, null, codes, BooleanCategories, null);
    }

    /// <summary>True when the value in <paramref name="row"/> is missing.</summary>
    public bool IsMissing(int row) => Numbers is { } numbers ? double.IsNaN(numbers[row]) : Codes![row] < 0;

    /// <summary>The number of missing values.</summary>
    public int CountMissing()
    {
        var count = 0;
        for (var row = 0; row < Length; row++)
        {
            if (IsMissing(row))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A new column holding only the given rows, in the given order.</summary>
    public TableColumn Select(IReadOnlyList<int> rows)
    {
        if (Numbers is { } numbers)
        {
            var picked = new double[rows.Count];
            for (var i = 0; i < picked.Length; i++)
            {
                picked[i] = numbers[rows[i]];
            }

            return new TableColumn(Name, Kind, picked, null, null, DecimalPlaces);
        }

        var codes = new int[rows.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = Codes![rows[i]];
        }

        return new TableColumn(Name, Kind, null, codes, Categories, null);
    }
}
