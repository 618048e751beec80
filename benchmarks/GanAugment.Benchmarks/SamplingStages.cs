using BenchmarkDotNet.Attributes;
using GanAugment.Csv;
using GanAugment.Encoding;
using GanAugment.Packaging;
using GanAugment.Sampling;
using GanAugment.Training.Tabular;

namespace GanAugment.Benchmarks;

/// <summary>
/// The stages of drawing 16,384 synthetic rows, each reported as a ratio to the generator's ONNX Runtime
/// run on the same rows (the baseline, measured in the same run): how much the work around the model costs.
/// </summary>
[MemoryDiagnoser]
public class SamplingStages
{
    const int Rows = 16384;

    GanSampler _sampler = null!;
    TableEncoding _encoding = null!;
    float[] _noise = [];
    float[] _conditions = [];
    float[] _output = [];
    int[] _classes = [];

    [GlobalSetup]
    public void TrainSmallGenerator()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "datasets", "penguins.csv");
        var table = CsvTableReader.ReadFile(path, new CsvReadOptions { CategoricalColumns = ["species"] });
        var options = new TabularGanOptions { Epochs = 5, Seed = 1, Device = "cpu" };
        using var trained = new TabularGanTrainer(options).Fit(table, "species");
        GanPackage package = trained.ToPackage();
        _sampler = new GanSampler(package, new SamplerOptions { Device = DeviceChoice.Cpu, BatchRows = Rows });
        _encoding = package.Manifest.Encoding;
        _noise = new float[Rows * package.Manifest.Generator.NoiseWidth];
        _conditions = new float[Rows * package.Manifest.Generator.ConditionWidth];
        _output = new float[Rows * package.Manifest.Generator.OutputWidth];
        _classes = new int[Rows];
        new RandomSource(2).FillStandardNormal(_noise);
        _sampler.RunGenerator(_noise, _conditions, _output, Rows);
    }

    [GlobalCleanup]
    public void Release() => _sampler.Dispose();

    [Benchmark(Baseline = true, Description = "generator (ONNX Runtime)")]
    public void Generator() => _sampler.RunGenerator(_noise, _conditions, _output, Rows);

    [Benchmark(Description = "noise")]
    public void Noise() => new RandomSource(3).FillStandardNormal(_noise);

    [Benchmark(Description = "decode")]
    public int Decode() => _encoding.Decode(_output, Rows, _classes, new RandomSource(4)).RowCount;

    [Benchmark(Description = "end to end")]
    public int EndToEnd()
    {
        var rows = 0;
        foreach (var block in _sampler.SampleBlocks(Rows, 5))
        {
            rows += block.RowCount;
        }

        return rows;
    }
}
