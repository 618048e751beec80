using System.CommandLine;
using GanAugment.Csv;

namespace GanAugment.Cli;

/// <summary>The options that say how to read a CSV file, shared by the commands that read one.</summary>
internal sealed class CsvInputOptions
{
    public Option<string> Separator { get; } = new("--separator")
    {
        Description = "Field separator (one character; 'tab' for a tab).",
        DefaultValueFactory = _ => new CsvReadOptions().Separator.ToString(),
    };

    public Option<bool> NoHeader { get; } = new("--no-header")
    {
        Description = "The file has no header line; name the columns with --columns.",
    };

    public Option<string?> Columns { get; } = new("--columns")
    {
        Description = "Comma-separated column names, for a file without a header.",
    };

    public Option<string[]> Missing { get; } = new("--missing")
    {
        Description = "A token that means a missing value (repeatable); the empty field always does.",
        AllowMultipleArgumentsPerToken = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Separator);
        command.Options.Add(NoHeader);
        command.Options.Add(Columns);
        command.Options.Add(Missing);
    }

    public CsvReadOptions Read(ParseResult result, IReadOnlyCollection<string> categorical)
    {
        var separator = result.GetValue(Separator) ?? ",";
        if (separator == "tab")
        {
            separator = "\t";
        }

        if (separator.Length != 1)
        {
            throw new ArgumentException($"--separator must be one character, got '{separator}'.");
        }

        var names = result.GetValue(Columns)?.Split(',', StringSplitOptions.TrimEntries);
        var missing = new List<string> { "" };
        missing.AddRange(result.GetValue(Missing) ?? []);
        return new CsvReadOptions
        {
            Separator = separator[0],
            HasHeader = !result.GetValue(NoHeader),
            ColumnNames = names,
            MissingValues = missing,
            CategoricalColumns = categorical,
        };
    }
}
