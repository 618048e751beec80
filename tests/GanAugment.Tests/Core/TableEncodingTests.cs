using GanAugment.Csv;
using GanAugment.Encoding;
using GanAugment.Tabular;

namespace GanAugment.Tests.Core;

public sealed class TableEncodingTests
{
    // A logit this large makes a softmax draw pick its slot with probability 1 - 1e-26.
    const float ConfidentLogit = 30f;

    static readonly Lazy<Table> Penguins = new(() => CsvTableReader.ReadFile(TestData.Dataset("penguins")));

    [Fact]
    public void Penguins_spans_are_contiguous_and_shaped_by_each_column()
    {
        var encoding = TableEncoding.Fit(Penguins.Value, "species");

        var spans = encoding.Spans;

        Assert.Equal(0, spans[0].Start);
        for (var s = 1; s < spans.Count; s++)
        {
            Assert.Equal(spans[s - 1].Start + spans[s - 1].Length, spans[s].Start);
        }

        Assert.Equal(spans.Sum(s => s.Length), encoding.DataWidth);
        Assert.DoesNotContain(spans, s => s.Column == encoding.LabelIndex);
        foreach (var name in new[] { "beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g" })
        {
            // Each penguin measurement has two missing values, so it gets value, mode and presence spans.
            var column = Penguins.Value.IndexOf(name);
            var own = spans.Where(s => s.Column == column).ToArray();
            Assert.Equal([SpanRole.Value, SpanRole.Mode, SpanRole.Presence], own.Select(s => s.Role));
            Assert.Equal(1, own[0].Length);
            Assert.Equal(SpanActivation.Tanh, own[0].Activation);
            Assert.Equal(encoding.Columns[column].ModeMeans.Length, own[1].Length);
            Assert.Equal(2, own[2].Length);
        }

        Assert.Equal(3, encoding.CategorySpan(Penguins.Value.IndexOf("island")).Length);
        Assert.Equal(3, encoding.CategorySpan(Penguins.Value.IndexOf("sex")).Length); // FEMALE, MALE, missing
    }

    [Fact]
    public void Penguins_condition_width_is_the_classes_plus_the_slots_of_conditional_columns()
    {
        var encoding = TableEncoding.Fit(Penguins.Value, "species");

        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], encoding.Classes);
        Assert.Equal([152, 68, 124], encoding.ClassCounts);
        Assert.Equal(
            [Penguins.Value.IndexOf("island"), Penguins.Value.IndexOf("sex")], encoding.ConditionalColumns);
        Assert.Equal(3 + 3 + 3, encoding.ConditionWidth);
        Assert.Equal(3, encoding.ConditionOffset(0));
        Assert.Equal(6, encoding.ConditionOffset(1));

        // Condition counts: per class, per slot; they add up to each class's rows.
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(encoding.ClassCounts[k], encoding.ConditionCounts[0][k].Sum());
            Assert.Equal(encoding.ClassCounts[k], encoding.ConditionCounts[1][k].Sum());
        }

        Assert.Equal(11, encoding.ConditionCounts[1].Sum(perClass => perClass[2]));
    }

    [Fact]
    public void Encoded_one_hot_groups_each_sum_to_one_and_values_stay_within_tanh_range()
    {
        var encoding = TableEncoding.Fit(Penguins.Value, "species");

        var encoded = encoding.Encode(Penguins.Value, new RandomSource(41));

        Assert.Equal(344, encoded.Rows);
        Assert.Equal(encoding.DataWidth, encoded.Width);
        Assert.Equal(encoded.Rows * encoded.Width, encoded.Data.Length);
        for (var r = 0; r < encoded.Rows; r++)
        {
            var row = encoded.Data.AsSpan(r * encoded.Width, encoded.Width);
            foreach (var span in encoding.Spans)
            {
                var values = row.Slice(span.Start, span.Length).ToArray();
                if (span.Role == SpanRole.Value)
                {
                    Assert.InRange(values[0], -0.99f, 0.99f);
                    continue;
                }

                Assert.All(values, v => Assert.True(v is 0f or 1f, $"row {r}: one-hot slot holds {v}"));
                Assert.Equal(1f, values.Sum());
            }
        }
    }

    [Fact]
    public void Encoding_marks_missing_values_and_gives_each_row_its_class_and_condition_slots()
    {
        var table = Penguins.Value;
        var encoding = TableEncoding.Fit(table, "species");

        var encoded = encoding.Encode(table, new RandomSource(42));

        // Data row 4 (index 3) has every measurement and sex missing.
        var row = encoded.Data.AsSpan(3 * encoded.Width, encoded.Width);
        var massPresence = encoding.Spans.Single(
            s => s.Column == table.IndexOf("body_mass_g") && s.Role == SpanRole.Presence);
        Assert.Equal([0f, 1f], row.Slice(massPresence.Start, 2).ToArray());
        var sexSlots = encoding.CategorySpan(table.IndexOf("sex"));
        Assert.Equal(1f, row[sexSlots.Start + 2]);
        Assert.Equal(table["species"].Codes!, encoded.Labels!);
        Assert.Equal(2, encoded.ConditionCodes[1][3]);
        Assert.Equal(table["island"].Codes!, encoded.ConditionCodes[0]);
    }

    [Fact]
    public void Encoding_is_reproducible_with_the_same_seed()
    {
        var encoding = TableEncoding.Fit(Penguins.Value, "species");

        var first = encoding.Encode(Penguins.Value, new RandomSource(43));
        var second = encoding.Encode(Penguins.Value, new RandomSource(43));

        Assert.Equal(first.Data, second.Data);
    }

    [Fact]
    public void Decoding_confident_logits_of_an_encoded_table_gives_the_table_back()
    {
        var original = Penguins.Value;
        var encoding = TableEncoding.Fit(original, "species");
        var encoded = encoding.Encode(original, new RandomSource(44));
        var raw = ConfidentLogits(encoding, encoded);

        var decoded = encoding.Decode(raw, encoded.Rows, encoded.Labels!, new RandomSource(45));

        Assert.Equal(original.Columns.Select(c => c.Name), decoded.Columns.Select(c => c.Name));
        Assert.Equal(original.RowCount, decoded.RowCount);
        foreach (var want in original.Columns)
        {
            var got = decoded[want.Name];
            Assert.Equal(want.Kind, got.Kind);
            if (want.IsNumeric)
            {
                // A value decoded from float32 and rounded to the column's decimal places lands on the
                // source value: the float error (about 1e-4 here) is far below half a unit of the last
                // place (0.05 or 0.5), so the tolerance is only that of double arithmetic, 1e-9.
                Assert.Equal(want.DecimalPlaces, got.DecimalPlaces);
                for (var r = 0; r < want.Length; r++)
                {
                    Assert.Equal(want.IsMissing(r), got.IsMissing(r));
                    if (!want.IsMissing(r))
                    {
                        Assert.Equal(want.Numbers![r], got.Numbers![r], 1e-9);
                    }
                }
            }
            else
            {
                Assert.Equal(want.Categories, got.Categories);
                Assert.Equal(want.Codes!, got.Codes!);
            }
        }
    }

    [Fact]
    public void A_label_with_one_class_is_refused_naming_the_class()
    {
        var penguins = Penguins.Value;
        var adelie = Enumerable.Range(0, penguins.RowCount).Where(r => penguins["species"].Codes![r] == 0).ToArray();
        var onlyAdelie = penguins.SelectRows(adelie);

        var error = Assert.Throws<InvalidTrainingDataException>(() => TableEncoding.Fit(onlyAdelie, "species"));

        Assert.Equal("species", error.Column);
        Assert.Contains("'species'", error.Message);
        Assert.Contains("only one class ('Adelie')", error.Message);
    }

    [Fact]
    public void An_unknown_label_column_is_refused_listing_the_columns()
    {
        var error = Assert.Throws<InvalidTrainingDataException>(() => TableEncoding.Fit(Penguins.Value, "Species"));

        Assert.Contains("Unknown label column 'Species'", error.Message);
        Assert.Contains(
            "species, island, beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, sex", error.Message);
    }

    [Fact]
    public void A_continuous_label_is_refused_naming_the_column()
    {
        var error = Assert.Throws<InvalidTrainingDataException>(
            () => TableEncoding.Fit(Penguins.Value, "beak_length_mm"));

        Assert.Equal("beak_length_mm", error.Column);
        Assert.Contains("'beak_length_mm' is continuous", error.Message);
    }

    [Fact]
    public void An_integer_label_gives_one_class_per_distinct_value()
    {
        var digits = CsvTableReader.ReadFile(TestData.Dataset("digits"));

        var encoding = TableEncoding.Fit(digits, "digit");

        Assert.Equal(ColumnKind.Integer, digits["digit"].Kind);
        Assert.Equal(10, encoding.ClassCount);
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString()), encoding.Classes);
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], encoding.ClassCounts);
        Assert.Equal(10, encoding.ConditionWidth);
        Assert.Single(encoding.Columns[digits.IndexOf("pixel_0_0")].ModeMeans);
    }

    [Fact]
    public void Encoding_a_table_whose_columns_differ_from_the_fitted_ones_names_the_column()
    {
        var encoding = TableEncoding.Fit(Penguins.Value, "species");
        var iris = CsvTableReader.ReadFile(TestData.Dataset("iris"));

        var error = Assert.Throws<InvalidTrainingDataException>(() => encoding.Encode(iris, new RandomSource(46)));

        Assert.Contains("Expected 7 columns", error.Message);
        Assert.Contains("got 5", error.Message);
    }

    [Fact]
    public void Encoding_a_missing_value_in_a_column_fitted_without_any_names_the_column()
    {
        var fitted = Penguins.Value.SelectRows(Enumerable.Range(0, 344).Where(r => r != 3 && r != 339).ToArray());
        var encoding = TableEncoding.Fit(fitted, "species");

        var error = Assert.Throws<InvalidTrainingDataException>(
            () => encoding.Encode(Penguins.Value, new RandomSource(47)));

        Assert.Equal("beak_length_mm", error.Column);
        Assert.Contains("'beak_length_mm' has a missing value in row 4", error.Message);
    }

    /// <summary>
    /// Raw generator outputs that decode to <paramref name="encoded"/>: the inverse tanh of each scaled
    /// value, and a large logit on each one-hot slot with its negative elsewhere.
    /// </summary>
    static float[] ConfidentLogits(TableEncoding encoding, EncodedTable encoded)
    {
        var raw = new float[encoded.Data.Length];
        for (var r = 0; r < encoded.Rows; r++)
        {
            foreach (var span in encoding.Spans)
            {
                for (var i = span.Start; i < span.Start + span.Length; i++)
                {
                    var at = r * encoded.Width + i;
                    raw[at] = span.Role == SpanRole.Value
                        ? (float)Math.Atanh(encoded.Data[at])
                        : encoded.Data[at] == 1f ? ConfidentLogit : -ConfidentLogit;
                }
            }
        }

        return raw;
    }
}
