using GanAugment.ML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.Tests.ML;

/// <summary>Synthetic rows have exactly the input schema, for every supported column type.</summary>
public sealed class AugmentedSchemaTests
{
    [Fact]
    public void Synthetic_rows_keep_names_types_key_counts_and_slot_names_of_every_column_kind()
    {
        var context = new MLContext(seed: 1);
        var data = MixedData(context, out var expectedRows);
        var estimator = context.Transforms.GanAugmentationData(MlData.Options("Label") with { SyntheticRatio = 1 });

        var transformer = estimator.Fit(data);
        var augmented = transformer.Transform(data);

        Assert.Equal(expectedRows * 2, augmented.GetRowCount());
        var visible = data.Schema.Where(c => !c.IsHidden).ToArray();
        Assert.Equal(visible.Select(c => (c.Name, c.Type)), augmented.Schema.Select(c => (c.Name, c.Type)));
        VBuffer<ReadOnlyMemory<char>> slots = default;
        augmented.Schema["Vector"].GetSlotNames(ref slots);
        Assert.Equal(["a", "b", "c"], slots.DenseValues().Select(s => s.ToString()));

        var keys = augmented.GetColumn<uint>("Label").ToArray();
        Assert.All(keys, k => Assert.InRange(k, 1u, 3u));
        var texts = augmented.GetColumn<ReadOnlyMemory<char>>("Colour").Select(t => t.ToString()).ToArray();
        Assert.All(texts[expectedRows..], t => Assert.Contains(t, new[] { "", "red", "green", "blue" }));
        var integers = augmented.GetColumn<int>("Count").ToArray()[expectedRows..];
        Assert.All(integers, v => Assert.InRange(v, 0, 9));
        var withMissing = augmented.GetColumn<float>("Sparse").ToArray();
        Assert.Contains(withMissing[expectedRows..], float.IsNaN);
    }

    [Fact]
    public void The_augmented_data_is_only_returned_for_the_data_it_was_fit_on()
    {
        var context = new MLContext(seed: 1);
        var data = MixedData(context, out _);
        var other = MixedData(context, out _);

        var transformer = context.Transforms.GanAugmentationData(MlData.Options("Label")).Fit(data);

        var error = Assert.Throws<InvalidOperationException>(() => transformer.Transform(other));
        Assert.Contains("does not augment other data", error.Message);
    }

    [Fact]
    public void Balancing_gives_the_smallest_class_the_synthetic_rows_first_and_explicit_counts_are_exact()
    {
        var context = new MLContext(seed: 1);
        var data = MixedData(context, out _);
        var options = MlData.Options("Label");

        var balanced = context.Transforms.GanAugmentationData(options with { SyntheticRatio = 0.25 }).Fit(data);
        var exact = context.Transforms.GanAugmentationData(options with
        {
            RowsPerClass = new Dictionary<string, int> { ["small"] = 7, ["large"] = 3 },
        }).Fit(data);

        // 60 large, 30 medium and 10 small rows. 25 synthetic rows: 20 raise "small" to 30, the other 5 raise
        // "small" and "medium" together to 32.5, and the odd row goes to the smaller class.
        Assert.Equal([60, 32, 10 + 23], ClassCounts(balanced.Transform(data)));
        Assert.Equal([60 + 3, 30, 10 + 7], ClassCounts(exact.Transform(data)));
        var unknown = context.Transforms.GanAugmentationData(options with
        {
            RowsPerClass = new Dictionary<string, int> { ["tiny"] = 1 },
        });
        var error = Assert.Throws<ArgumentException>(() => unknown.Fit(data));
        Assert.Contains("'tiny'", error.Message);
        Assert.Contains("large, medium, small", error.Message);
    }

    static int[] ClassCounts(IDataView view) =>
        view.GetColumn<uint>("Label").GroupBy(k => k).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();

    /// <summary>100 seeded rows with a float, double, int, bool, text (with missing), vector and key label.</summary>
    static IDataView MixedData(MLContext context, out int rows)
    {
        var random = new Random(7);
        string[] classes = ["large", "medium", "small"];
        var items = Enumerable.Range(0, 100).Select(i =>
        {
            var klass = i < 60 ? 0 : i < 90 ? 1 : 2;
            return new Mixed
            {
                Size = (float)(klass * 2 + random.NextDouble()),
                Weight = klass + random.NextDouble() * 0.1,
                Count = random.Next(10),
                Flag = random.Next(2) == 0,
                Colour = i % 10 == 0 ? "" : new[] { "red", "green", "blue" }[random.Next(3)],
                Sparse = i % 7 == 0 ? float.NaN : (float)random.NextDouble(),
                Vector = [(float)random.NextDouble(), klass, (float)random.NextDouble()],
                Species = classes[klass],
            };
        }).ToArray();
        rows = items.Length;
        var schema = SchemaDefinition.Create(typeof(Mixed));
        schema["Vector"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 3);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(3, ["a".AsMemory(), "b".AsMemory(), "c".AsMemory()]);
        schema["Vector"].AddAnnotation("SlotNames", slotNames,
            new VectorDataViewType(TextDataViewType.Instance, 3));
        var raw = context.Data.LoadFromEnumerable(items, schema);
        var keyed = context.Transforms.Conversion.MapValueToKey("Label", "Species",
            keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
        return keyed.Append(context.Transforms.DropColumns("Species")).Fit(raw).Transform(raw);
    }

    sealed class Mixed
    {
        public float Size { get; set; }

        public double Weight { get; set; }

        public int Count { get; set; }

        public bool Flag { get; set; }

        public string Colour { get; set; } = "";

        public float Sparse { get; set; }

        public float[] Vector { get; set; } = [];

        public string Species { get; set; } = "";
    }
}
