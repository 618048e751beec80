using System.Globalization;
using GanAugment.Tabular;
using nietras.SeparatedValues;

namespace GanAugment.Csv;

/// <summary>Reads delimited text into a <see cref="Table"/>, inferring each column's kind.</summary>
/// <remarks>
/// Kinds are inferred from the non-missing values: all <c>true</c>/<c>false</c> gives boolean, all whole
/// numbers gives integer, all finite numbers gives continuous, anything else categorical. A column whose
/// values are numbers except for a NaN or an infinity is refused rather than guessed at, and so is a
/// column with no value at all.
/// </remarks>
public static class CsvTableReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidTrainingDataException">
    /// The file is empty, ragged or holds an unusable column.
    /// </exception>
    public static Table ReadFile(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        using var text = new StreamReader(path);
        return Read(text, options, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads delimited text from <paramref name="text"/>; <paramref name="sourceName"/> names it in errors.
    /// </summary>
    public static Table Read(TextReader text, CsvReadOptions? options = null, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CsvReadOptions();

        var (names, fields, lines) = ReadFields(text, options, sourceName);
        var columns = new TableColumn[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            columns[i] = BuildColumn(names[i], fields[i], lines, options, sourceName);
        }

        return new Table(columns);
    }

    static (IReadOnlyList<string> Names, List<string?>[] Fields, List<int> Lines) ReadFields(
        TextReader text, CsvReadOptions options, string sourceName)
    {
        var missing = new HashSet<string>(options.MissingValues, StringComparer.Ordinal);

        // Sep reads every line as data, the header too: its own header parsing throws a bare
        // ArgumentException on a repeated name, and it cannot give a header-less file's width before
        // the first row is read.
        var sepOptions = new SepReaderOptions(new Sep(options.Separator)) with
        {
            HasHeader = false,
            Unescape = true,
            Trim = SepTrim.All,
            DisableColCountCheck = true,
        };
        using var reader = sepOptions.From(text);

        var firstRow = reader.MoveNext() ? ToStrings(reader.Current) : null;
        var firstLine = firstRow is null ? 0 : reader.Current.LineNumberFrom;
        var names = ColumnNames(firstRow, options, sourceName);
        var fields = names.Select(_ => new List<string?>()).ToArray();
        var lines = new List<int>();
        void AddRow(string[] row, int line)
        {
            if (row.Length == 1 && row[0].Length == 0)
            {
                return; // a blank line, usually the last one
            }

            if (row.Length != names.Count)
            {
                throw new InvalidTrainingDataException(
                    $"{sourceName}, line {line}: expected {names.Count} fields " +
                    $"({string.Join(", ", names)}), found {row.Length}. " +
                    "Check the separator and quoting.", line: line);
            }

            for (var i = 0; i < names.Count; i++)
            {
                fields[i].Add(missing.Contains(row[i]) ? null : row[i]);
            }

            lines.Add(line);
        }

        if (!options.HasHeader && firstRow is not null)
        {
            AddRow(firstRow, firstLine);
        }

        foreach (var row in reader)
        {
            AddRow(ToStrings(row), row.LineNumberFrom);
        }

        if (lines.Count == 0)
        {
            throw new InvalidTrainingDataException(options.HasHeader
                ? $"{sourceName} has a header but no data rows."
                : $"{sourceName} has no data rows.");
        }

        return (names, fields, lines);
    }

    static string[] ToStrings(SepReader.Row row)
    {
        var values = new string[row.ColCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = row[i].ToString();
        }

        return values;
    }

    static IReadOnlyList<string> ColumnNames(string[]? firstRow, CsvReadOptions options, string sourceName)
    {
        if (!options.HasHeader)
        {
            if (options.ColumnNames is { Count: > 0 } given)
            {
                return CheckNames(given, sourceName);
            }

            if (firstRow is null)
            {
                throw new InvalidTrainingDataException($"{sourceName} is empty.");
            }

            return Enumerable.Range(1, firstRow.Length).Select(i => $"column_{i}").ToArray();
        }

        var header = firstRow ?? [];
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            throw new InvalidTrainingDataException($"{sourceName} is empty: there is no header line.");
        }

        if (options.ColumnNames is { Count: > 0 } expected && !expected.SequenceEqual(header))
        {
            throw new InvalidTrainingDataException(
                $"{sourceName}: the header ({string.Join(", ", header)}) differs from the column names given " +
                $"({string.Join(", ", expected)}).");
        }

        return CheckNames(header, sourceName);
    }

    static IReadOnlyList<string> CheckNames(IReadOnlyList<string> names, string sourceName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new InvalidTrainingDataException($"{sourceName}: column {i + 1} has no name.");
            }

            if (!seen.Add(names[i]))
            {
                throw new InvalidTrainingDataException(
                    $"{sourceName}: column name '{names[i]}' appears twice.", names[i]);
            }
        }

        return names.ToArray();
    }

    static TableColumn BuildColumn(
        string name, List<string?> values, List<int> lines, CsvReadOptions options, string sourceName)
    {
        var firstPresent = values.FindIndex(v => v is not null);
        if (firstPresent < 0)
        {
            throw new InvalidTrainingDataException(
                $"{sourceName}: column '{name}' has only missing values; drop it or fill it in.", name);
        }

        var kind = options.CategoricalColumns.Contains(name) ? ColumnKind.Categorical
            : options.ColumnKinds.TryGetValue(name, out var given) ? given
            : InferKind(name, values, lines, sourceName);

        return kind switch
        {
            ColumnKind.Categorical => Categorical(name, values),
            ColumnKind.Boolean => Boolean(name, values, lines, sourceName),
            _ => Numeric(name, kind, values, lines, sourceName),
        };
    }

    static ColumnKind InferKind(string name, List<string?> values, List<int> lines, string sourceName)
    {
        bool allBoolean = true, allNumeric = true, allWhole = true;
        var firstNonFinite = -1;
        for (var row = 0; row < values.Count; row++)
        {
            if (values[row] is not { } text)
            {
                continue;
            }

            allBoolean &= bool.TryParse(text, out _);
            if (allNumeric && TryParseNumber(text, out var number))
            {
                if (!double.IsFinite(number) && firstNonFinite < 0)
                {
                    firstNonFinite = row;
                }

                allWhole &= IsWholeNumberText(text);
            }
            else
            {
                allNumeric = false;
            }
        }

        if (allBoolean)
        {
            return ColumnKind.Boolean;
        }

        if (!allNumeric)
        {
            return ColumnKind.Categorical;
        }

        if (firstNonFinite >= 0)
        {
            throw new InvalidTrainingDataException(
                $"{sourceName}, line {lines[firstNonFinite]}: column '{name}' holds '{values[firstNonFinite]}', " +
                "which is not a finite number. Leave the field empty for a missing value, " +
                "or declare the token as missing.", name, lines[firstNonFinite]);
        }

        return allWhole ? ColumnKind.Integer : ColumnKind.Continuous;
    }

    static TableColumn Numeric(
        string name, ColumnKind kind, List<string?> values, List<int> lines, string sourceName)
    {
        var numbers = new double[values.Count];
        var decimals = 0;
        var decimalsKnown = true;
        for (var row = 0; row < values.Count; row++)
        {
            if (values[row] is not { } text)
            {
                numbers[row] = double.NaN;
                continue;
            }

            if (!TryParseNumber(text, out var number) || !double.IsFinite(number))
            {
                throw new InvalidTrainingDataException(
                    $"{sourceName}, line {lines[row]}: column '{name}' expects a finite number, found '{text}'.",
                    name, lines[row]);
            }

            if (kind == ColumnKind.Integer && number != Math.Round(number))
            {
                throw new InvalidTrainingDataException(
                    $"{sourceName}, line {lines[row]}: integer column '{name}' holds '{text}'.", name, lines[row]);
            }

            numbers[row] = number;
            var places = DecimalPlacesOf(text);
            decimalsKnown &= places >= 0;
            decimals = Math.Max(decimals, places);
        }

        return TableColumn.Numeric(name, kind, numbers, decimalsKnown ? decimals : null);
    }

    static TableColumn Categorical(string name, List<string?> values)
    {
        var categories = values.OfType<string>().Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Length; i++)
        {
            codeOf[categories[i]] = i;
        }

        var codes = values.Select(v => v is null ? TableColumn.MissingCode : codeOf[v]).ToArray();
        return TableColumn.Categorical(name, codes, categories);
    }

    static TableColumn Boolean(string name, List<string?> values, List<int> lines, string sourceName)
    {
        var codes = new int[values.Count];
        for (var row = 0; row < values.Count; row++)
        {
            if (values[row] is null)
            {
                codes[row] = TableColumn.MissingCode;
            }
            else if (bool.TryParse(values[row], out var flag))
            {
                codes[row] = flag ? 1 : 0;
            }
            else
            {
                throw new InvalidTrainingDataException(
                    $"{sourceName}, line {lines[row]}: boolean column '{name}' holds '{values[row]}'; " +
                    "expected true or false.", name, lines[row]);
            }
        }

        return TableColumn.Boolean(name, codes);
    }

    static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    static bool IsWholeNumberText(string text) =>
        text.AsSpan().IndexOfAny('.', 'e', 'E') < 0 && long.TryParse(text, CultureInfo.InvariantCulture, out _);

    /// <summary>Digits after the decimal point, or -1 for exponent notation (precision unknown).</summary>
    static int DecimalPlacesOf(string text)
    {
        if (text.AsSpan().IndexOfAny('e', 'E') >= 0)
        {
            return -1;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }
}
