using System.Globalization;
using GanAugment.Tabular;

namespace GanAugment.Csv;

/// <summary>
/// Streams tables to a CSV file: header row, comma-separated, an empty field for a missing value,
/// numbers at the source's precision. Rows go to a temporary file that becomes the destination only on
/// <see cref="Commit"/>; disposing without committing removes it, so no half-written file is left.
/// </summary>
public sealed class CsvTableWriter : IDisposable
{
    readonly string _destination;
    readonly string _temporary;
    readonly StreamWriter _writer;
    readonly char _separator;
    string[]? _numberFormats;
    bool _committed;

    /// <summary>Opens a writer for <paramref name="path"/>.</summary>
    public CsvTableWriter(string path, char separator = ',')
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _destination = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(_destination)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Output folder '{folder}' does not exist.");
        }

        _temporary = AtomicFile.TemporaryBeside(_destination);
        _writer = new StreamWriter(_temporary, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        _separator = separator;
    }

    /// <summary>The rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Appends the rows of <paramref name="table"/>; the first table's columns fix the header.</summary>
    public void Write(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ObjectDisposedException.ThrowIf(_committed, this);
        if (_numberFormats is null)
        {
            _numberFormats = table.Columns.Select(NumberFormat).ToArray();
            _writer.Write(string.Join(_separator, table.Columns.Select(c => Escape(c.Name))));
            _writer.Write('\n');
        }

        var columns = table.Columns;
        Span<char> buffer = stackalloc char[64];
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    _writer.Write(_separator);
                }

                var column = columns[c];
                if (column.IsMissing(row))
                {
                    continue;
                }

                if (column.Numbers is { } numbers)
                {
                    var format = _numberFormats[c];
                    if (numbers[row].TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
                    {
                        _writer.Write(buffer[..written]);
                    }
                    else
                    {
                        // Longer than the buffer (a huge value in fixed-point format): allocate rather than drop it.
                        _writer.Write(numbers[row].ToString(format, CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    _writer.Write(Escape(column.Categories[column.Codes![row]]));
                }
            }

            _writer.Write('\n');
        }

        RowsWritten += table.RowCount;
    }

    /// <summary>Flushes and moves the file into place.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        _writer.Dispose();
        File.Move(_temporary, _destination, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_committed)
        {
            _writer.Dispose();
            File.Delete(_temporary);
            _committed = true;
        }
    }

    static string NumberFormat(TableColumn column) => column.DecimalPlaces switch
    {
        null => "R",
        0 => "0",
        var places => "0." + new string('#', places.Value),
    };

    string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(_separator, '"', '\n') < 0 && value.IndexOf('\r', StringComparison.Ordinal) < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
