using GanAugment.Csv;
using GanAugment.Sampling;
using GanAugment.Tabular;

namespace GanAugment.Tests.Sampling;

[Collection(PenguinsModelCollection.Name)]
public sealed class GanSamplerTests : IDisposable
{
    readonly PenguinsModelFixture _model;
    readonly GanSampler _sampler;

    public GanSamplerTests(PenguinsModelFixture model)
    {
        _model = model;
        _sampler = GanSampler.Load(model.PackagePath, new SamplerOptions { Device = DeviceChoice.Cpu });
    }

    public void Dispose() => _sampler.Dispose();

    [Fact]
    public void Sampled_rows_have_the_training_tables_column_names_order_and_kinds()
    {
        var synthetic = _sampler.Sample(200, seed: 1);

        Assert.Equal(200, synthetic.RowCount);
        Assert.Equal(
            _model.Table.Columns.Select(c => (c.Name, c.Kind)),
            synthetic.Columns.Select(c => (c.Name, c.Kind)));
    }

    [Fact]
    public void Sampled_numbers_stay_within_the_observed_range_and_integer_columns_stay_whole()
    {
        var synthetic = _sampler.Sample(3000, seed: 2);

        foreach (var real in _model.Table.Columns.Where(c => c.IsNumeric))
        {
            var observed = real.Numbers!.Where(v => !double.IsNaN(v)).ToArray();
            var values = synthetic[real.Name].Numbers!.Where(v => !double.IsNaN(v)).ToArray();
            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.InRange(v, observed.Min(), observed.Max()));
            if (real.Kind == ColumnKind.Integer)
            {
                Assert.All(values, v => Assert.Equal(Math.Round(v), v));
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_gives_other_rows()
    {
        var first = _sampler.Sample(1500, seed: 42);
        var again = _sampler.Sample(1500, seed: 42);
        var other = _sampler.Sample(1500, seed: 43);

        AssertSameRows(first, again);
        Assert.False(first["beak_length_mm"].Numbers!.SequenceEqual(other["beak_length_mm"].Numbers!));
        Assert.False(first["island"].Codes!.SequenceEqual(other["island"].Codes!));
    }

    [Fact]
    public void The_batch_size_does_not_change_the_rows_drawn_for_a_seed()
    {
        using var small = GanSampler.Load(
            _model.PackagePath, new SamplerOptions { Device = DeviceChoice.Cpu, BatchRows = 1024 });
        using var large = GanSampler.Load(
            _model.PackagePath, new SamplerOptions { Device = DeviceChoice.Cpu, BatchRows = 16384 });

        // 2,500 rows span three blocks: three calls to ONNX Runtime for one sampler, one for the other.
        AssertSameRows(small.Sample(2500, seed: 9), large.Sample(2500, seed: 9));
    }

    [Theory]
    [InlineData("species", "Gentoo")]
    [InlineData("island", "Dream")]
    public void A_condition_holds_in_every_sampled_row(string column, string value)
    {
        var synthetic = _sampler.Sample(1500, seed: 5, new SamplingCondition(column, value));

        var sampled = synthetic[column];
        Assert.All(sampled.Codes!, code => Assert.Equal(value, sampled.Categories[code]));
    }

    [Fact]
    public void A_condition_on_an_unknown_column_is_refused_and_the_columns_are_listed()
    {
        var error = Assert.Throws<ArgumentException>(
            () => _sampler.SampleBlocks(10, seed: 1, new SamplingCondition("colour", "blue")));

        Assert.Contains("Unknown condition column 'colour'", error.Message);
        Assert.Contains(string.Join(", ", _model.Table.Columns.Select(c => c.Name)), error.Message);
    }

    [Fact]
    public void A_condition_on_an_unknown_value_is_refused_and_the_values_are_listed()
    {
        var error = Assert.Throws<ArgumentException>(
            () => _sampler.Sample(10, seed: 1, new SamplingCondition("island", "Atlantis")));

        Assert.Contains("no value 'Atlantis'", error.Message);
        Assert.Contains("Biscoe, Dream, Torgersen", error.Message);
    }

    [Fact]
    public void A_condition_on_a_numeric_column_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(
            () => _sampler.Sample(10, seed: 1, new SamplingCondition("body_mass_g", "4000")));

        Assert.Contains("'body_mass_g' is integer", error.Message);
        Assert.Contains("conditions apply to categorical and boolean columns", error.Message);
    }

    [WithoutCudaFact]
    public void Auto_falls_back_to_the_cpu_and_names_the_cuda_library_it_could_not_load()
    {
        using var sampler = GanSampler.Load(
            _model.PackagePath, new SamplerOptions { Device = DeviceChoice.Auto });

        Assert.Equal(DeviceChoice.Cpu, sampler.Device);
        Assert.StartsWith("CUDA not usable", sampler.DeviceReason);
        Assert.Matches(@"(libcu\w*\.so\.\d+|cu\w*64_\d+\.dll) cannot be loaded", sampler.DeviceReason);
    }

    [WithoutCudaFact]
    public void Asking_for_cuda_where_it_cannot_load_throws_with_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => GanSampler.Load(_model.PackagePath, new SamplerOptions { Device = DeviceChoice.Cuda }));

        Assert.Contains("CUDA was requested but is not usable", error.Message);
        Assert.Contains("cannot be loaded", error.Message);
    }

    [Fact]
    public void Streaming_blocks_to_csv_twice_with_one_seed_writes_identical_files()
    {
        var folder = TestData.NewTempFolder();
        try
        {
            var first = WriteCsv(Path.Combine(folder, "first.csv"), seed: 17);
            var second = WriteCsv(Path.Combine(folder, "second.csv"), seed: 17);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal(2500 + 1, File.ReadAllLines(first).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    string WriteCsv(string path, ulong seed)
    {
        using var writer = new CsvTableWriter(path);
        foreach (var block in _sampler.SampleBlocks(2500, seed))
        {
            writer.Write(block);
        }

        writer.Commit();
        return path;
    }

    static void AssertSameRows(Table expected, Table actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Columns.Count, actual.Columns.Count);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            // Exact equality: the same seed must give bit-identical values, not merely close ones.
            Assert.Equal(expected.Columns[c].Name, actual.Columns[c].Name);
            Assert.Equal(expected.Columns[c].Numbers, actual.Columns[c].Numbers);
            Assert.Equal(expected.Columns[c].Codes, actual.Columns[c].Codes);
        }
    }
}
