using GanAugment.Csv;
using GanAugment.Oversampling;
using GanAugment.Tabular;
using static GanAugment.Tests.Oversampling.OversamplingChecks;

namespace GanAugment.Tests.Oversampling;

public sealed class SmoteTests
{
    static readonly Lazy<Table> Iris = new(() => CsvTableReader.ReadFile(TestData.Dataset("iris")));
    static readonly Lazy<Table> Penguins = new(() => CsvTableReader.ReadFile(TestData.Dataset("penguins")));
    static readonly Lazy<Table> Wine = new(() => CsvTableReader.ReadFile(TestData.Dataset("wine")));

    public static TheoryData<string, string> Datasets => new()
    {
        { "iris", "species" },
        { "penguins", "species" },
        { "wine", "cultivar" },
    };

    [Fact]
    public void Each_class_gets_exactly_the_requested_number_of_rows()
    {
        var request = new Dictionary<string, int> { ["class_0"] = 7, ["class_1"] = 0, ["class_2"] = 120 };

        var synthetic = Smote.Oversample(Wine.Value, "cultivar", request, seed: 1);

        Assert.Equal(127, synthetic.RowCount);
        Assert.Equal(new Dictionary<string, int> { ["class_0"] = 7, ["class_2"] = 120 },
            CountByClass(synthetic, "cultivar"));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Synthetic_rows_keep_the_columns_kinds_categories_and_decimal_places(
        string dataset, string label)
    {
        var table = Load(dataset);

        var synthetic = Smote.Oversample(table, label, RequestEveryClass(table, label, 10), seed: 2);

        AssertSameSchema(table, synthetic);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Numeric_values_stay_within_the_range_of_their_class_and_some_rows_are_new(
        string dataset, string label)
    {
        var table = Load(dataset);

        var synthetic = Smote.Oversample(table, label, RequestEveryClass(table, label, 100), seed: 3);

        foreach (var klass in table[label].Categories)
        {
            var real = RowsOf(table, label, klass);
            var made = RowsOf(synthetic, label, klass);
            foreach (var column in table.Columns.Where(c => c.IsNumeric))
            {
                var values = real.Select(r => column.Numbers![r]).Where(v => !double.IsNaN(v)).ToArray();
                var (min, max) = (values.Min(), values.Max());
                // A missing value stays missing: x's own value is kept when either row lacks one.
                var madeValues = made.Select(r => synthetic[column.Name].Numbers![r]);
                Assert.All(madeValues.Where(v => !double.IsNaN(v)), v => Assert.InRange(v, min, max));
            }
        }

        var realRows = RowKeys(table).ToHashSet();
        var copies = RowKeys(synthetic).Count(realRows.Contains);
        Assert.True(
            copies < synthetic.RowCount / 2, $"{copies} of {synthetic.RowCount} rows copy a real row");
    }

    [Fact]
    public void Each_synthetic_row_lies_on_a_segment_between_two_real_rows_of_its_class()
    {
        // Continuous columns of unknown precision are not rounded, so collinearity can be checked exactly:
        // some pair (x, y) of real rows and one u in [0, 1) must give every column as x + u·(y − x).
        var table = RandomTable(rowsPerClass: [15, 9], seed: 4);

        var synthetic = Smote.Oversample(
            table, "class", new Dictionary<string, int> { ["a"] = 40, ["b"] = 40 }, seed: 5, neighbours: 3);

        var numeric = new[] { "x", "y", "z" };
        for (var row = 0; row < synthetic.RowCount; row++)
        {
            var klass = synthetic["class"].Categories[synthetic["class"].Codes![row]];
            var real = RowsOf(table, "class", klass);
            var made = numeric.Select(c => synthetic[c].Numbers![row]).ToArray();
            var onSegment = real.Any(from => real.Any(to => from != to && OnSegment(
                numeric.Select(c => table[c].Numbers![from]).ToArray(),
                numeric.Select(c => table[c].Numbers![to]).ToArray(),
                made)));
            Assert.True(onSegment, $"synthetic row {row} lies on no segment between rows of class '{klass}'");
        }
    }

    [Fact]
    public void Integer_columns_hold_whole_numbers()
    {
        var request = new Dictionary<string, int> { ["Adelie"] = 100, ["Chinstrap"] = 100, ["Gentoo"] = 100 };

        var penguins = Smote.Oversample(Penguins.Value, "species", request, seed: 6);
        var wine = Smote.Oversample(
            Wine.Value, "cultivar", RequestEveryClass(Wine.Value, "cultivar", 100), seed: 7);

        foreach (var (table, column) in new[]
        {
            (penguins, "flipper_length_mm"), (penguins, "body_mass_g"),
            (wine, "magnesium"), (wine, "proline"),
        })
        {
            var present = table[column].Numbers!.Where(v => !double.IsNaN(v));
            Assert.All(present, v => Assert.Equal(Math.Round(v), v));
        }
    }

    [Fact]
    public void Continuous_columns_keep_the_decimal_places_of_the_source()
    {
        var synthetic = Smote.Oversample(
            Iris.Value, "species", RequestEveryClass(Iris.Value, "species", 50), seed: 8);

        foreach (var column in synthetic.Columns.Where(c => c.Kind == ColumnKind.Continuous))
        {
            Assert.Equal(1, column.DecimalPlaces);
            Assert.All(column.Numbers!, v => Assert.Equal(Math.Round(v, 1), v, tolerance: 1e-12));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var request = RequestEveryClass(Penguins.Value, "species", 30);

        var first = RowKeys(Smote.Oversample(Penguins.Value, "species", request, seed: 9));
        var again = RowKeys(Smote.Oversample(Penguins.Value, "species", request, seed: 9));
        var other = RowKeys(Smote.Oversample(Penguins.Value, "species", request, seed: 10));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_class_with_a_single_row_is_copied()
    {
        var table = RandomTable(rowsPerClass: [6, 1], seed: 11);
        var only = RowKey(table, RowsOf(table, "class", "b")[0]);

        var synthetic = Smote.Oversample(table, "class", new Dictionary<string, int> { ["b"] = 5 }, seed: 12);

        Assert.All(RowKeys(synthetic), key => Assert.Equal(only, key));
    }

    [Fact]
    public void Only_the_nearest_neighbours_are_interpolated_towards()
    {
        // Two tight clusters of three rows, 100 apart; with k = 2 each row's neighbours share its cluster.
        var table = new Table(
        [
            TableColumn.Numeric("size", ColumnKind.Continuous, [0.0, 0.1, 0.2, 100.0, 100.1, 100.2]),
            TableColumn.Categorical("class", [0, 0, 0, 0, 0, 0], ["a"]),
        ]);

        var synthetic = Smote.Oversample(
            table, "class", new Dictionary<string, int> { ["a"] = 200 }, seed: 20, neighbours: 2);

        Assert.All(synthetic["size"].Numbers!, v => Assert.True(v <= 0.2 || v >= 100.0, $"size {v}"));
    }

    [Fact]
    public void A_category_takes_the_value_most_frequent_among_the_neighbours()
    {
        // Four of five rows are red; with k = 4 every row's neighbours hold at least three reds.
        var table = new Table(
        [
            TableColumn.Numeric("size", ColumnKind.Continuous, [1.0, 2.0, 3.0, 4.0, 5.0]),
            TableColumn.Categorical("colour", [1, 1, 0, 1, 1], ["blue", "red"]),
            TableColumn.Categorical("class", [0, 0, 0, 0, 0], ["a"]),
        ]);

        var synthetic = Smote.Oversample(
            table, "class", new Dictionary<string, int> { ["a"] = 50 }, seed: 13);

        Assert.All(synthetic["colour"].Codes!, code => Assert.Equal(1, code));
    }

    [Fact]
    public void A_tie_between_neighbours_goes_to_the_smaller_category_code()
    {
        // Three rows coloured c, b, a with k = 2: row c sees {b, a} and row b sees {c, a}, both ties won by
        // a; row a sees {c, b}, a tie won by b. So c never appears and a and b both do.
        var table = new Table(
        [
            TableColumn.Numeric("size", ColumnKind.Continuous, [1.0, 2.0, 3.0]),
            TableColumn.Categorical("colour", [2, 1, 0], ["a", "b", "c"]),
            TableColumn.Categorical("class", [0, 0, 0], ["k"]),
        ]);

        var synthetic = Smote.Oversample(
            table, "class", new Dictionary<string, int> { ["k"] = 60 }, seed: 14);

        Assert.Equal([0, 1], synthetic["colour"].Codes!.Distinct().Order());
    }

    [Fact]
    public void A_missing_value_in_either_row_gives_the_drawn_rows_value()
    {
        // With two rows each is the other's only neighbour: the gap column is never interpolated.
        var table = new Table(
        [
            TableColumn.Numeric("size", ColumnKind.Continuous, [1.0, 3.0]),
            TableColumn.Numeric("gap", ColumnKind.Continuous, [double.NaN, 5.0]),
            TableColumn.Categorical("class", [0, 0], ["a"]),
        ]);

        var synthetic = Smote.Oversample(
            table, "class", new Dictionary<string, int> { ["a"] = 40 }, seed: 15);

        var gaps = synthetic["gap"].Numbers!;
        Assert.Contains(gaps, double.IsNaN);
        Assert.Contains(5.0, gaps);
        Assert.All(gaps, v => Assert.True(double.IsNaN(v) || v == 5.0, $"gap {v} was interpolated"));
        Assert.All(synthetic["size"].Numbers!, v => Assert.InRange(v, 1.0, 3.0));
    }

    [Fact]
    public void An_integer_label_names_its_classes_by_value()
    {
        var table = new Table(
        [
            TableColumn.Numeric("size", ColumnKind.Continuous, [1.0, 2.0, 3.0, 10.0, 11.0]),
            TableColumn.Numeric("digit", ColumnKind.Integer, [7, 7, 7, 3, 3]),
        ]);

        var synthetic = Smote.Oversample(table, "digit", new Dictionary<string, int> { ["3"] = 4 }, seed: 16);

        Assert.All(synthetic["digit"].Numbers!, v => Assert.Equal(3.0, v));
        Assert.All(synthetic["size"].Numbers!, v => Assert.InRange(v, 10.0, 11.0));
    }

    [Fact]
    public void Unknown_classes_and_negative_counts_are_reported_together()
    {
        var request = new Dictionary<string, int> { ["class_9"] = 3, ["class_1"] = -1 };

        var error = Assert.Throws<ArgumentException>(
            () => Smote.Oversample(Wine.Value, "cultivar", request, seed: 17));

        Assert.Equal("extraRowsPerClass", error.ParamName);
        Assert.Contains("class 'class_9' has no rows in label column 'cultivar'", error.Message);
        Assert.Contains("class 'class_1' was asked for -1 rows", error.Message);
        Assert.Contains("The classes of 'cultivar' are: 'class_0', 'class_1', 'class_2'.", error.Message);
    }

    [Fact]
    public void A_continuous_label_and_an_unknown_label_are_rejected_by_name()
    {
        var request = new Dictionary<string, int> { ["x"] = 1 };

        var continuous = Assert.Throws<ArgumentException>(
            () => Smote.Oversample(Wine.Value, "alcohol", request, seed: 18));
        var unknown = Assert.Throws<ArgumentException>(
            () => Smote.Oversample(Wine.Value, "grape", request, seed: 18));

        Assert.Contains("Label column 'alcohol' is continuous", continuous.Message);
        Assert.Contains("Unknown label column 'grape'", unknown.Message);
    }

    [Fact]
    public void A_neighbour_count_below_one_is_rejected()
    {
        var request = new Dictionary<string, int> { ["class_0"] = 1 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Smote.Oversample(Wine.Value, "cultivar", request, seed: 19, neighbours: 0));

        Assert.Equal("neighbours", error.ParamName);
    }

    static Table Load(string dataset) => dataset switch
    {
        "iris" => Iris.Value,
        "penguins" => Penguins.Value,
        _ => Wine.Value,
    };

    static Dictionary<string, int> RequestEveryClass(Table table, string label, int rows) =>
        table[label].Categories.ToDictionary(c => c, _ => rows);

    /// <summary>Classes a, b, … with the given row counts and three unrounded continuous columns.</summary>
    static Table RandomTable(int[] rowsPerClass, ulong seed)
    {
        var random = new RandomSource(seed);
        var rows = rowsPerClass.Sum();
        var columns = new List<TableColumn>();
        foreach (var name in new[] { "x", "y", "z" })
        {
            var values = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                values[r] = random.NextDouble() * 10;
            }

            columns.Add(TableColumn.Numeric(name, ColumnKind.Continuous, values));
        }

        var codes = rowsPerClass.SelectMany((count, klass) => Enumerable.Repeat(klass, count)).ToArray();
        var names = rowsPerClass.Select((_, klass) => ((char)('a' + klass)).ToString()).ToArray();
        columns.Add(TableColumn.Categorical("class", codes, names));
        return new Table(columns);
    }

    /// <summary>True when <paramref name="made"/> is from + u·(to − from) for one u in [0, 1].</summary>
    static bool OnSegment(double[] from, double[] to, double[] made)
    {
        const double Tolerance = 1e-9;
        // The columns are random draws, so the first one differs between any two rows and fixes u.
        var u = (made[0] - from[0]) / (to[0] - from[0]);
        if (u is < -Tolerance or > 1 + Tolerance)
        {
            return false;
        }

        for (var c = 0; c < made.Length; c++)
        {
            if (Math.Abs(from[c] + u * (to[c] - from[c]) - made[c]) > Tolerance)
            {
                return false;
            }
        }

        return true;
    }
}
