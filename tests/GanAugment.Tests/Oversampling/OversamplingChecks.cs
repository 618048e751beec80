using System.Globalization;
using GanAugment.Tabular;

namespace GanAugment.Tests.Oversampling;

/// <summary>Helpers shared by the oversampler tests.</summary>
internal static class OversamplingChecks
{
    /// <summary>The number of rows of each class, by the label's category.</summary>
    public static Dictionary<string, int> CountByClass(Table table, string labelColumn)
    {
        var label = table[labelColumn];
        return label.Codes!
            .GroupBy(code => label.Categories[code])
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>One row written as text, every column in order, so rows can be compared exactly.</summary>
    public static string RowKey(Table table, int row) =>
        string.Join("|", table.Columns.Select(c => c.Numbers is { } numbers
            ? numbers[row].ToString("R", CultureInfo.InvariantCulture)
            : c.Codes![row].ToString(CultureInfo.InvariantCulture)));

    /// <summary>Every row of the table as a <see cref="RowKey"/>, in order.</summary>
    public static string[] RowKeys(Table table) =>
        Enumerable.Range(0, table.RowCount).Select(r => RowKey(table, r)).ToArray();

    /// <summary>The real rows of one class.</summary>
    public static int[] RowsOf(Table table, string labelColumn, string className)
    {
        var label = table[labelColumn];
        return Enumerable.Range(0, table.RowCount)
            .Where(r => label.Codes![r] >= 0 && label.Categories[label.Codes[r]] == className)
            .ToArray();
    }

    /// <summary>Asserts that two tables share columns, kinds, categories and decimal places.</summary>
    public static void AssertSameSchema(Table expected, Table actual)
    {
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        Assert.Equal(expected.Columns.Select(c => c.Kind), actual.Columns.Select(c => c.Kind));
        Assert.Equal(
            expected.Columns.Select(c => c.DecimalPlaces), actual.Columns.Select(c => c.DecimalPlaces));
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            Assert.Equal(expected.Columns[c].Categories, actual.Columns[c].Categories);
        }
    }
}
