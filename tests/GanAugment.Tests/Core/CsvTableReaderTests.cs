using GanAugment.Csv;
using GanAugment.Tabular;

namespace GanAugment.Tests.Core;

public sealed class CsvTableReaderTests : IDisposable
{
    readonly string _folder = TestData.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Penguins_columns_are_read_as_categorical_continuous_and_integer()
    {
        var table = CsvTableReader.ReadFile(TestData.Dataset("penguins"));

        Assert.Equal(344, table.RowCount);
        Assert.Equal(ColumnKind.Categorical, table["species"].Kind);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], table["species"].Categories);
        Assert.Equal(ColumnKind.Categorical, table["island"].Kind);
        Assert.Equal(["Biscoe", "Dream", "Torgersen"], table["island"].Categories);
        Assert.Equal(ColumnKind.Continuous, table["beak_length_mm"].Kind);
        Assert.Equal(ColumnKind.Continuous, table["beak_depth_mm"].Kind);
        Assert.Equal(ColumnKind.Integer, table["flipper_length_mm"].Kind);
        Assert.Equal(ColumnKind.Integer, table["body_mass_g"].Kind);
        Assert.Equal(ColumnKind.Categorical, table["sex"].Kind);
        Assert.Equal(["FEMALE", "MALE"], table["sex"].Categories);
    }

    [Fact]
    public void Penguins_missing_values_are_counted_per_column()
    {
        var table = CsvTableReader.ReadFile(TestData.Dataset("penguins"));

        var missing = table.Columns.ToDictionary(c => c.Name, c => c.CountMissing());

        Assert.Equal(0, missing["species"]);
        Assert.Equal(0, missing["island"]);
        Assert.Equal(2, missing["beak_length_mm"]);
        Assert.Equal(2, missing["beak_depth_mm"]);
        Assert.Equal(2, missing["flipper_length_mm"]);
        Assert.Equal(2, missing["body_mass_g"]);
        Assert.Equal(11, missing["sex"]);
        Assert.True(double.IsNaN(table["body_mass_g"].Numbers![3]), "data row 4 has every measurement missing");
        Assert.Equal(TableColumn.MissingCode, table["sex"].Codes![3]);
    }

    [Fact]
    public void Wine_magnesium_and_proline_are_integers_and_the_rest_continuous()
    {
        var table = CsvTableReader.ReadFile(TestData.Dataset("wine"));

        Assert.Equal(178, table.RowCount);
        Assert.Equal(14, table.Columns.Count);
        Assert.Equal(ColumnKind.Integer, table["magnesium"].Kind);
        Assert.Equal(ColumnKind.Integer, table["proline"].Kind);
        Assert.Equal(ColumnKind.Categorical, table["cultivar"].Kind);
        var continuous = table.Columns
            .Where(c => c.Name is not ("magnesium" or "proline" or "cultivar"))
            .ToArray();
        Assert.Equal(11, continuous.Length);
        Assert.All(continuous, c => Assert.Equal(ColumnKind.Continuous, c.Kind));
    }

    [Fact]
    public void Digits_pixels_and_the_digit_label_are_integers_unless_the_label_is_declared_categorical()
    {
        var inferred = CsvTableReader.ReadFile(TestData.Dataset("digits"));
        var declared = CsvTableReader.ReadFile(
            TestData.Dataset("digits"), new CsvReadOptions { CategoricalColumns = ["digit"] });

        Assert.Equal(1797, inferred.RowCount);
        Assert.All(inferred.Columns, c => Assert.Equal(ColumnKind.Integer, c.Kind));
        Assert.Equal(ColumnKind.Categorical, declared["digit"].Kind);
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString()), declared["digit"].Categories);
        Assert.Equal(ColumnKind.Integer, declared["pixel_3_3"].Kind);
    }

    [Fact]
    public void Seattle_dates_are_categorical_and_zero_written_with_a_point_stays_continuous()
    {
        var table = CsvTableReader.ReadFile(TestData.Dataset("seattle_weather"));

        Assert.Equal(1461, table.RowCount);
        Assert.Equal(ColumnKind.Categorical, table["date"].Kind);
        Assert.Equal(1461, table["date"].Categories.Count);
        Assert.Equal(ColumnKind.Continuous, table["precipitation"].Kind);
        Assert.Equal(ColumnKind.Continuous, table["wind"].Kind);
        Assert.Equal(["drizzle", "fog", "rain", "snow", "sun"], table["weather"].Categories);
    }

    [Fact]
    public void A_column_of_true_and_false_in_any_case_is_boolean_with_missing_kept()
    {
        var table = Read("id,flag\n1,true\n2,False\n3,\n4,TRUE\n");

        var flag = table["flag"];

        Assert.Equal(ColumnKind.Boolean, flag.Kind);
        Assert.Equal([1, 0, TableColumn.MissingCode, 1], flag.Codes!);
        Assert.Equal(ColumnKind.Integer, table["id"].Kind);
    }

    [Fact]
    public void A_headerless_file_with_names_reads_question_marks_as_missing_and_trims_spaces()
    {
        var path = Path.Combine(_folder, "adult.data");
        File.WriteAllText(path,
            "39, State-gov, 77516, Bachelors, 40, <=50K\n" +
            "50, Self-emp-not-inc, 83311, Bachelors, 13, <=50K\n" +
            "38, Private, 215646, HS-grad, 40, <=50K\n" +
            "53, ?, 234721, 11th, 40, <=50K\n" +
            "?, Private, 338409, Bachelors, 40, >50K\n");
        var options = new CsvReadOptions
        {
            HasHeader = false,
            ColumnNames = ["age", "workclass", "fnlwgt", "education", "hours_per_week", "income"],
            MissingValues = ["", "?"],
        };

        var table = CsvTableReader.ReadFile(path, options);

        Assert.Equal(5, table.RowCount);
        Assert.Equal(["age", "workclass", "fnlwgt", "education", "hours_per_week", "income"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(ColumnKind.Integer, table["age"].Kind);
        Assert.True(double.IsNaN(table["age"].Numbers![4]));
        Assert.Equal(53.0, table["age"].Numbers![3]);
        Assert.Equal(["Private", "Self-emp-not-inc", "State-gov"], table["workclass"].Categories);
        Assert.Equal(TableColumn.MissingCode, table["workclass"].Codes![3]);
        Assert.Equal(1, table["workclass"].CountMissing());
        Assert.Equal(["<=50K", ">50K"], table["income"].Categories);
        Assert.Equal(215646.0, table["fnlwgt"].Numbers![2]);
    }

    [Fact]
    public void A_headerless_file_without_names_gets_numbered_column_names()
    {
        var table = Read("1,a,2.5\n2,b,3.5\n", new CsvReadOptions { HasHeader = false });

        Assert.Equal(["column_1", "column_2", "column_3"], table.Columns.Select(c => c.Name));
        Assert.Equal(2, table.RowCount);
        Assert.Equal([1.0, 2.0], table["column_1"].Numbers!);
        Assert.Equal(["a", "b"], table["column_2"].Categories);
    }

    [Fact]
    public void Reading_a_file_with_a_ragged_row_names_the_line_and_counts()
    {
        var path = Path.Combine(_folder, "ragged.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n4,5\n6,7,8\n");

        var error = Assert.Throws<InvalidTrainingDataException>(() => CsvTableReader.ReadFile(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("ragged.csv", error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("expected 3 fields", error.Message);
        Assert.Contains("found 2", error.Message);
    }

    [Fact]
    public void A_ragged_row_in_a_headerless_file_is_reported_at_its_own_line()
    {
        var options = new CsvReadOptions { HasHeader = false };

        var error = Assert.Throws<InvalidTrainingDataException>(() => Read("1,2\n3,4\n5\n", options));

        Assert.Equal(3, error.Line);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("expected 2 fields", error.Message);
        Assert.Contains("found 1", error.Message);
    }

    [Fact]
    public void Reading_an_empty_file_says_it_is_empty()
    {
        var path = Path.Combine(_folder, "empty.csv");
        File.WriteAllText(path, "");

        var error = Assert.Throws<InvalidTrainingDataException>(() => CsvTableReader.ReadFile(path));

        Assert.Contains("empty.csv", error.Message);
        Assert.Contains("is empty", error.Message);
    }

    [Fact]
    public void Reading_a_header_only_file_says_there_are_no_data_rows()
    {
        var error = Assert.Throws<InvalidTrainingDataException>(() => Read("a,b,c\n"));

        Assert.Contains("sample.csv", error.Message);
        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public void A_column_with_only_missing_values_is_refused_by_name()
    {
        var options = new CsvReadOptions { MissingValues = ["", "?"] };

        var error = Assert.Throws<InvalidTrainingDataException>(() => Read("a,b,c\n1,?,x\n2,,y\n", options));

        Assert.Equal("b", error.Column);
        Assert.Contains("column 'b'", error.Message);
        Assert.Contains("only missing values", error.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void A_non_finite_number_in_a_numeric_column_names_the_column_line_and_value(string token)
    {
        var text = $"id,weight\n1,2.5\n2,3.25\n3,{token}\n4,1.0\n";

        var error = Assert.Throws<InvalidTrainingDataException>(() => Read(text));

        Assert.Equal("weight", error.Column);
        Assert.Equal(4, error.Line);
        Assert.Contains("'weight'", error.Message);
        Assert.Contains("line 4", error.Message);
        Assert.Contains($"'{token}'", error.Message);
    }

    [Fact]
    public void A_non_finite_number_in_a_column_declared_continuous_is_refused_too()
    {
        var options = new CsvReadOptions
        {
            ColumnKinds = new Dictionary<string, ColumnKind> { ["weight"] = ColumnKind.Continuous },
        };

        var error = Assert.Throws<InvalidTrainingDataException>(() => Read("weight,x\n1.5,a\nNaN,b\n", options));

        Assert.Equal("weight", error.Column);
        Assert.Equal(3, error.Line);
        Assert.Contains("'NaN'", error.Message);
    }

    [Fact]
    public void A_duplicate_header_name_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidTrainingDataException>(() => Read("a,b,a\n1,2,3\n"));

        Assert.Contains("'a' appears twice", error.Message);
    }

    [Fact]
    public void A_header_that_differs_from_the_given_names_lists_both()
    {
        var options = new CsvReadOptions { ColumnNames = ["a", "c"] };

        var error = Assert.Throws<InvalidTrainingDataException>(() => Read("a,b\n1,2\n", options));

        Assert.Contains("(a, b)", error.Message);
        Assert.Contains("(a, c)", error.Message);
    }

    [Fact]
    public void Decimal_places_are_the_most_fractional_digits_seen()
    {
        var table = Read("x,y,z,w\n1.5,2,3.125,1e3\n2.25,4,1,2.5\n-0.5,6,,7\n");

        Assert.Equal(2, table["x"].DecimalPlaces);
        Assert.Equal(ColumnKind.Integer, table["y"].Kind);
        Assert.Equal(0, table["y"].DecimalPlaces);
        Assert.Equal(3, table["z"].DecimalPlaces);
        Assert.Null(table["w"].DecimalPlaces);
        Assert.Equal(ColumnKind.Continuous, table["w"].Kind);
    }

    [Fact]
    public void Decimal_places_of_bundled_datasets_match_their_source_text()
    {
        var penguins = CsvTableReader.ReadFile(TestData.Dataset("penguins"));
        var wine = CsvTableReader.ReadFile(TestData.Dataset("wine"));

        Assert.Equal(1, penguins["beak_length_mm"].DecimalPlaces);
        Assert.Equal(1, penguins["beak_depth_mm"].DecimalPlaces);
        Assert.Equal(0, penguins["body_mass_g"].DecimalPlaces);
        Assert.Equal(6, wine["color_intensity"].DecimalPlaces);
        Assert.Equal(3, wine["hue"].DecimalPlaces);
    }

    static Table Read(string text, CsvReadOptions? options = null) =>
        CsvTableReader.Read(new StringReader(text), options, "sample.csv");
}
