using GanAugment.Csv;
using GanAugment.Sampling;
using GanAugment.Tabular;
using GanAugment.Training.Tabular;
using Xunit.Abstractions;

namespace GanAugment.Tests.Training;

/// <summary>
/// A row sampled for class c must look like class c: a classifier fitted on the real rows gives synthetic
/// rows their requested class at least about as often as it gives real held-out rows their true class.
/// </summary>
public sealed class LabelConsistencyTests(ITestOutputHelper output)
{
    [Fact]
    public void Rows_sampled_for_a_class_are_classified_as_that_class_as_often_as_real_rows()
    {
        var table = CsvTableReader.ReadFile(
            TestData.Dataset("breast_cancer"), new CsvReadOptions { CategoricalColumns = ["diagnosis"] });
        var order = Enumerable.Range(0, table.RowCount).OrderBy(r => (r * 7919) % 569).ToArray();
        var train = table.SelectRows(order[..400]);
        var heldOut = table.SelectRows(order[400..]);
        var options = new TabularGanOptions
        {
            Epochs = 100,
            BatchSize = 100,
            GeneratorLayers = [64, 64],
            DiscriminatorLayers = [64, 64],
            Seed = 3,
            Device = "cpu",
        };
        using var trained = new TabularGanTrainer(options).Fit(train, "diagnosis");
        using var sampler = new GanSampler(trained.ToPackage(), new SamplerOptions { Device = DeviceChoice.Cpu });
        var classifier = NearestCentroid.Fit(train, "diagnosis");

        var realRate = classifier.Agreement(heldOut);
        foreach (var klass in train["diagnosis"].Categories)
        {
            var synthetic = sampler.Sample(500, 17, new SamplingCondition("diagnosis", klass));
            var syntheticRate = classifier.Agreement(synthetic);
            output.WriteLine($"{klass}: synthetic rows classified as requested {syntheticRate:P1}; " +
                $"real held-out rows classified correctly {realRate:P1}");

            // Tolerance 0.05: a small network trained for 100 short epochs on 400 rows.
            Assert.True(syntheticRate >= realRate - 0.05,
                $"{klass}: only {syntheticRate:P1} of rows sampled for it look like it (real rows: {realRate:P1}).");
        }
    }

    /// <summary>A transparent classifier: standardised numeric features, nearest class mean.</summary>
    sealed class NearestCentroid
    {
        readonly string _label;
        readonly string[] _features;
        readonly double[] _mean;
        readonly double[] _deviation;
        readonly Dictionary<string, double[]> _centroids = new();

        NearestCentroid(Table table, string label)
        {
            _label = label;
            _features = table.Columns.Where(c => c.IsNumeric).Select(c => c.Name).ToArray();
            _mean = _features.Select(f => table[f].Numbers!.Average()).ToArray();
            _deviation = _features.Select((f, i) =>
                Math.Sqrt(table[f].Numbers!.Average(v => (v - _mean[i]) * (v - _mean[i]))) + 1e-12).ToArray();
            var labels = table[label];
            foreach (var klass in labels.Categories)
            {
                var rows = Enumerable.Range(0, table.RowCount)
                    .Where(r => labels.Categories[labels.Codes![r]] == klass)
                    .ToArray();
                _centroids[klass] = _features.Select((f, i) => rows.Average(r => Scaled(table, r, i))).ToArray();
            }
        }

        public static NearestCentroid Fit(Table table, string label) => new(table, label);

        public double Agreement(Table table)
        {
            var labels = table[_label];
            var agree = 0;
            for (var r = 0; r < table.RowCount; r++)
            {
                var predicted = _centroids
                    .MinBy(c => c.Value.Select((m, i) => Math.Pow(Scaled(table, r, i) - m, 2)).Sum())
                    .Key;
                agree += predicted == labels.Categories[labels.Codes![r]] ? 1 : 0;
            }

            return (double)agree / table.RowCount;
        }

        double Scaled(Table table, int row, int feature) =>
            (table[_features[feature]].Numbers![row] - _mean[feature]) / _deviation[feature];
    }
}
