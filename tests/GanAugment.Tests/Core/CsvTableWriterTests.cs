using GanAugment.Csv;
using GanAugment.Tabular;

namespace GanAugment.Tests.Core;

public sealed class CsvTableWriterTests : IDisposable
{
    readonly string _folder = TestData.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writing_puts_a_header_empty_missing_fields_quoted_text_and_numbers_at_their_precision()
    {
        var table = new Table(
        [
            TableColumn.Categorical("name", [0, 1, 2, TableColumn.MissingCode],
                ["plain", "with, comma", "say \"hi\""]),
            TableColumn.Numeric("weight", ColumnKind.Continuous, [1.23456, double.NaN, 2, -0.5], decimalPlaces: 2),
            TableColumn.Numeric("count", ColumnKind.Integer, [3, 4, double.NaN, 12]),
            TableColumn.Boolean("flag", [1, 0, 1, TableColumn.MissingCode]),
        ]);
        var path = Path.Combine(_folder, "out.csv");

        using (var writer = new CsvTableWriter(path))
        {
            writer.Write(table);
            writer.Commit();
            Assert.Equal(4, writer.RowsWritten);
        }

        Assert.Equal(
            "name,weight,count,flag\n" +
            "plain,1.23,3,true\n" +
            "\"with, comma\",,4,false\n" +
            "\"say \"\"hi\"\"\",2,,true\n" +
            ",-0.5,12,\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void A_number_longer_than_the_format_buffer_is_written_in_full()
    {
        var table = new Table(
        [
            TableColumn.Numeric("big", ColumnKind.Continuous, [1e70, 2.5], decimalPlaces: 1),
            TableColumn.Numeric("x", ColumnKind.Integer, [1, 2]),
        ]);
        var path = Path.Combine(_folder, "big.csv");

        using (var writer = new CsvTableWriter(path))
        {
            writer.Write(table);
            writer.Commit();
        }

        var copy = CsvTableReader.ReadFile(path);

        // 1e70 written at one decimal place is 71 characters; the read-back value is within 1e-15 relative.
        Assert.False(copy["big"].IsMissing(0), "the long number was dropped");
        Assert.Equal(1.0, copy["big"].Numbers![0] / 1e70, 1e-15);
        Assert.Equal(2.5, copy["big"].Numbers![1]);
    }

    [Fact]
    public void A_second_table_appends_rows_under_the_first_header()
    {
        var first = new Table([TableColumn.Numeric("x", ColumnKind.Integer, [1, 2])]);
        var second = new Table([TableColumn.Numeric("x", ColumnKind.Integer, [3])]);
        var path = Path.Combine(_folder, "out.csv");

        using (var writer = new CsvTableWriter(path))
        {
            writer.Write(first);
            writer.Write(second);
            writer.Commit();
        }

        Assert.Equal("x\n1\n2\n3\n", File.ReadAllText(path));
    }

    [Fact]
    public void Disposing_without_commit_leaves_no_file_in_the_folder()
    {
        var table = new Table([TableColumn.Numeric("x", ColumnKind.Continuous, [1.5, 2.5], decimalPlaces: 1)]);
        var path = Path.Combine(_folder, "never.csv");

        using (var writer = new CsvTableWriter(path))
        {
            writer.Write(table);
            Assert.NotEmpty(Directory.GetFiles(_folder));
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_folder, "*", new EnumerationOptions
        {
            AttributesToSkip = 0,
            RecurseSubdirectories = true,
        }));
    }

    [Fact]
    public void After_commit_the_destination_replaces_an_older_file_and_no_temporary_file_is_left()
    {
        var path = Path.Combine(_folder, "out.csv");
        File.WriteAllText(path, "stale\n");
        var table = new Table([TableColumn.Numeric("x", ColumnKind.Integer, [7])]);

        using (var writer = new CsvTableWriter(path))
        {
            writer.Write(table);
            writer.Commit();
        }

        Assert.Equal("x\n7\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void Writing_after_commit_is_refused()
    {
        var table = new Table([TableColumn.Numeric("x", ColumnKind.Integer, [7])]);
        using var writer = new CsvTableWriter(Path.Combine(_folder, "out.csv"));
        writer.Write(table);
        writer.Commit();

        var error = Assert.Throws<ObjectDisposedException>(() => writer.Write(table));

        Assert.Contains(nameof(CsvTableWriter), error.Message);
    }

    [Fact]
    public void A_committed_penguins_file_reads_back_as_an_equal_table()
    {
        var original = CsvTableReader.ReadFile(TestData.Dataset("penguins"));
        var path = Path.Combine(_folder, "penguins.csv");

        using (var writer = new CsvTableWriter(path))
        {
            writer.Write(original);
            writer.Commit();
        }

        var copy = CsvTableReader.ReadFile(path);

        AssertTablesEqual(original, copy);
    }

    [Fact]
    public void Text_with_commas_and_quotes_reads_back_unchanged()
    {
        var original = new Table(
        [
            TableColumn.Categorical("note", [0, 1, 2, 0], ["a, b", "plain", "say \"hi\""]),
            TableColumn.Numeric("x", ColumnKind.Continuous, [0.125, -3.5, double.NaN, 10], decimalPlaces: 3),
        ]);
        var path = Path.Combine(_folder, "notes.csv");

        using (var writer = new CsvTableWriter(path))
        {
            writer.Write(original);
            writer.Commit();
        }

        AssertTablesEqual(original, CsvTableReader.ReadFile(path));
    }

    static void AssertTablesEqual(Table expected, Table actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            var (want, got) = (expected.Columns[c], actual.Columns[c]);
            Assert.Equal(want.Kind, got.Kind);
            Assert.Equal(want.DecimalPlaces, got.DecimalPlaces);
            Assert.Equal(want.Categories, got.Categories);
            Assert.Equal(want.Codes, got.Codes);

            // Numbers written at the source's precision parse back to the same doubles: exact equality.
            Assert.Equal(want.Numbers, got.Numbers);
        }
    }
}
