using GanAugment.Csv;
using GanAugment.Oversampling;
using GanAugment.Tabular;
using static GanAugment.Tests.Oversampling.OversamplingChecks;

namespace GanAugment.Tests.Oversampling;

public sealed class RandomOversamplerTests
{
    static readonly Lazy<Table> Penguins = new(() => CsvTableReader.ReadFile(TestData.Dataset("penguins")));

    [Fact]
    public void Each_class_gets_exactly_the_requested_number_of_rows_and_unlisted_classes_get_none()
    {
        var request = new Dictionary<string, int> { ["Chinstrap"] = 80, ["Gentoo"] = 13 };

        var synthetic = RandomOversampler.Oversample(Penguins.Value, "species", request, seed: 1);

        Assert.Equal(93, synthetic.RowCount);
        Assert.Equal(request, CountByClass(synthetic, "species"));
    }

    [Fact]
    public void Synthetic_rows_keep_the_columns_kinds_categories_and_decimal_places()
    {
        var synthetic = RandomOversampler.Oversample(
            Penguins.Value, "species", new Dictionary<string, int> { ["Adelie"] = 5 }, seed: 2);

        AssertSameSchema(Penguins.Value, synthetic);
    }

    [Fact]
    public void An_empty_request_gives_an_empty_table_with_the_same_schema()
    {
        var synthetic = RandomOversampler.Oversample(
            Penguins.Value, "species", new Dictionary<string, int>(), seed: 3);

        Assert.Equal(0, synthetic.RowCount);
        AssertSameSchema(Penguins.Value, synthetic);
    }

    [Fact]
    public void Every_synthetic_row_is_a_copy_of_a_real_row_of_its_class()
    {
        var table = Penguins.Value;
        var request = new Dictionary<string, int> { ["Adelie"] = 50, ["Chinstrap"] = 200, ["Gentoo"] = 50 };

        var synthetic = RandomOversampler.Oversample(table, "species", request, seed: 4);

        var species = synthetic["species"];
        for (var row = 0; row < synthetic.RowCount; row++)
        {
            var klass = species.Categories[species.Codes![row]];
            var real = RowsOf(table, "species", klass).Select(r => RowKey(table, r)).ToHashSet();
            Assert.Contains(RowKey(synthetic, row), real);
        }
    }

    [Fact]
    public void Drawing_many_copies_reaches_most_rows_of_a_class()
    {
        // 680 draws from Chinstrap's 68 rows leave a given row out with probability (67/68)^680 < 5e-5.
        var synthetic = RandomOversampler.Oversample(
            Penguins.Value, "species", new Dictionary<string, int> { ["Chinstrap"] = 680 }, seed: 5);

        Assert.True(RowKeys(synthetic).Distinct().Count() >= 66);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var request = new Dictionary<string, int> { ["Adelie"] = 20, ["Gentoo"] = 20 };

        var first = RowKeys(RandomOversampler.Oversample(Penguins.Value, "species", request, seed: 6));
        var again = RowKeys(RandomOversampler.Oversample(Penguins.Value, "species", request, seed: 6));
        var other = RowKeys(RandomOversampler.Oversample(Penguins.Value, "species", request, seed: 7));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Asking_for_more_of_one_class_leaves_the_rows_of_another_unchanged()
    {
        var fewRequest = new Dictionary<string, int> { ["Adelie"] = 3, ["Gentoo"] = 10 };
        var manyRequest = new Dictionary<string, int> { ["Adelie"] = 30, ["Gentoo"] = 10 };

        var few = RandomOversampler.Oversample(Penguins.Value, "species", fewRequest, seed: 8);
        var many = RandomOversampler.Oversample(Penguins.Value, "species", manyRequest, seed: 8);

        Assert.Equal(RowKeys(few)[3..], RowKeys(many)[30..]);
    }

    [Fact]
    public void An_unknown_label_column_is_rejected_with_the_columns_listed()
    {
        var error = Assert.Throws<ArgumentException>(() => RandomOversampler.Oversample(
            Penguins.Value, "kind", new Dictionary<string, int> { ["Adelie"] = 1 }, seed: 9));

        Assert.Equal("labelColumn", error.ParamName);
        Assert.Contains("'kind'", error.Message);
        Assert.Contains("species, island, beak_length_mm", error.Message);
    }

    [Fact]
    public void A_continuous_label_column_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RandomOversampler.Oversample(
            Penguins.Value, "beak_length_mm", new Dictionary<string, int> { ["39.1"] = 1 }, seed: 10));

        Assert.Contains("'beak_length_mm' is continuous", error.Message);
    }

    [Fact]
    public void An_unknown_class_is_rejected_with_the_classes_listed()
    {
        var error = Assert.Throws<ArgumentException>(() => RandomOversampler.Oversample(
            Penguins.Value, "species", new Dictionary<string, int> { ["Emperor"] = 1 }, seed: 11));

        Assert.Equal("extraRowsPerClass", error.ParamName);
        Assert.Contains("class 'Emperor' has no rows in label column 'species'", error.Message);
        Assert.Contains("'Adelie', 'Chinstrap', 'Gentoo'", error.Message);
    }

    [Fact]
    public void A_negative_count_is_rejected_naming_the_class_and_the_count()
    {
        var error = Assert.Throws<ArgumentException>(() => RandomOversampler.Oversample(
            Penguins.Value, "species", new Dictionary<string, int> { ["Gentoo"] = -4 }, seed: 12));

        Assert.Contains("class 'Gentoo' was asked for -4 rows", error.Message);
    }
}
