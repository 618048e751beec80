using GanAugment.Tabular;

namespace GanAugment.Csv;

/// <summary>How a delimited text file is read into a <see cref="Table"/>.</summary>
public sealed record CsvReadOptions
{
    /// <summary>The field separator. Default: comma.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Whether the first line holds the column names. Default: true.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>
    /// Column names for a file without a header; with a header, when set, they must equal it.
    /// Default: none.
    /// </summary>
    public IReadOnlyList<string>? ColumnNames { get; init; }

    /// <summary>
    /// Field values that mean "missing", compared after trimming. Default: the empty field only.
    /// </summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [""];

    /// <summary>Kinds to use for named columns instead of inferring them. Default: none.</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds { get; init; } =
        new Dictionary<string, ColumnKind>();

    /// <summary>
    /// Columns read as categorical whatever their values look like (the label, for example). Default: none.
    /// </summary>
    public IReadOnlyCollection<string> CategoricalColumns { get; init; } = [];
}
