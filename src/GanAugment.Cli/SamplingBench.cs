using System.Diagnostics;
using GanAugment.ML;
using GanAugment.Packaging;
using GanAugment.Sampling;
using GanAugment.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace GanAugment.Cli;

/// <summary>
/// Sampling throughput of a package's generator, model-only and end to end (noise → decoded rows), each
/// as a fraction of a ceiling measured in the same run: ONNX Runtime's large-GEMM rate on this machine.
/// </summary>
internal static class SamplingBench
{
    const int CeilingRows = 8192;
    const int CeilingWidth = 1024;

    const int Rounds = 5;

    public static int Run(string modelPath, int rows, int batchRows)
    {
        var package = GanPackage.Read(modelPath);
        var flopsPerRow = GeneratorFlopsPerRow(package.Manifest.Generator, package.Manifest.Training);
        var options = new SamplerOptions { Device = DeviceChoice.Cpu, BatchRows = batchRows };
        using var sampler = new GanSampler(package, options);
        using var ceilingGraph = new CeilingGraph();
        Console.WriteLine(
            $"generator: {flopsPerRow / 1e3:F0} kFLOP per row, {sampler.BatchRowsInUse} rows per call; " +
            $"ceiling: ONNX Runtime GEMM {CeilingRows}×{CeilingWidth}·{CeilingWidth}×{CeilingWidth}");

        // Warm up until the JIT has optimised the noise and decoding loops, then measure in rounds that
        // interleave the ceiling with both rates: on a shared machine the ceiling itself moves, so each
        // round's ratios use that round's ceiling, and the median over rounds is reported.
        MeasureEndToEnd(sampler, 4 * 16384);
        var modelRatios = new List<double>();
        var endToEndRatios = new List<double>();
        var modelRates = new List<double>();
        var endToEndRates = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            var ceiling = ceilingGraph.Measure();
            var modelOnly = MeasureModelOnly(sampler, package.Manifest.Generator, rows);
            var endToEnd = MeasureEndToEnd(sampler, rows);
            modelRates.Add(modelOnly);
            endToEndRates.Add(endToEnd);
            modelRatios.Add(modelOnly * flopsPerRow / ceiling);
            endToEndRatios.Add(endToEnd * flopsPerRow / ceiling);
            Console.WriteLine(
                $"round {round}: ceiling {ceiling / 1e9:F1} GFLOP/s; model only {modelOnly:N0} rows/s " +
                $"({modelRatios[^1]:P1}); end to end {endToEnd:N0} rows/s ({endToEndRatios[^1]:P1})");
        }

        Console.WriteLine($"model only: median {Median(modelRates):N0} rows/s = {Median(modelRatios):P1} of the " +
            $"ceiling (rounds {modelRatios.Min():P1}–{modelRatios.Max():P1})");
        Console.WriteLine($"end to end (noise → decoded rows): median {Median(endToEndRates):N0} rows/s = " +
            $"{Median(endToEndRatios):P1} of the ceiling " +
            $"(rounds {endToEndRatios.Min():P1}–{endToEndRatios.Max():P1})");

        var delivered = MeasureIntoDataView(sampler, rows, out var _);
        Console.WriteLine($"into an ML.NET cursor (decoded rows → IDataView buffers → one cursor pass): " +
            $"{delivered:N0} rows/s = {delivered / Median(modelRates):P1} of the median model-only rate");
        MeasureIntoDataView(sampler, 1_000_000, out var bytes);
        Console.WriteLine($"memory of 1,000,000 synthetic rows held as an IDataView: {bytes / 1e6:F0} MB " +
            $"({bytes / 1e6:F1} bytes per row)");
        return 0;
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    static double MeasureEndToEnd(GanSampler sampler, int rows)
    {
        var clock = Stopwatch.StartNew();
        long produced = 0;
        foreach (var block in sampler.SampleBlocks(rows, 7))
        {
            produced += block.RowCount;
        }

        return produced / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Rows per second from sampling to the end of a full cursor pass;
    /// <paramref name="bytes"/> held by the view.
    /// </summary>
    static double MeasureIntoDataView(GanSampler sampler, int rows, out long bytes)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var view = TableDataView.FromTables(sampler.SampleBlocks(rows, 11));
        long seen = 0;
        using (var cursor = view.GetRowCursor(view.Schema))
        {
            var getters = view.Schema.Select(c => c.Type is TextDataViewType
                ? (Action)ReadText(cursor, c)
                : c.Type is BooleanDataViewType ? ReadBoolean(cursor, c) : ReadSingle(cursor, c)).ToArray();
            while (cursor.MoveNext())
            {
                foreach (var read in getters)
                {
                    read();
                }

                seen++;
            }
        }

        var rate = seen / clock.Elapsed.TotalSeconds;
        bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(view);
        return rate;
    }

    static Action ReadSingle(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<float>(column);
        var value = 0f;
        return () => getter(ref value);
    }

    static Action ReadBoolean(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<bool>(column);
        var value = false;
        return () => getter(ref value);
    }

    static Action ReadText(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return () => getter(ref value);
    }

    static double MeasureModelOnly(GanSampler sampler, GeneratorSignature signature, int rows)
    {
        var batch = sampler.BatchRowsInUse;
        var noise = new float[batch * signature.NoiseWidth];
        new RandomSource(3).FillStandardNormal(noise);
        var conditions = new float[batch * signature.ConditionWidth];
        var output = new float[batch * signature.OutputWidth];
        sampler.RunGenerator(noise, conditions, output, batch);
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (done < rows)
        {
            sampler.RunGenerator(noise, conditions, output, batch);
            done += batch;
        }

        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A large GEMM in ONNX Runtime: the ceiling that the generator's rates are compared with.</summary>
    sealed class CeilingGraph : IDisposable
    {
        readonly InferenceSession _session;
        readonly OrtValue _x;
        readonly OrtValue _y;
        readonly RunOptions _run = new();

        public CeilingGraph()
        {
            using var layer = nn.Linear(CeilingWidth, CeilingWidth, hasBias: false);
            var graph = new OnnxGraphBuilder();
            graph.Output(graph.Linear(graph.Input("x", CeilingWidth), layer), "y", CeilingWidth);
            _session = new InferenceSession(graph.ToBytes("bench"));
            var input = new float[CeilingRows * CeilingWidth];
            new RandomSource(5).FillStandardNormal(input);
            _x = OrtValue.CreateTensorValueFromMemory(input, [CeilingRows, CeilingWidth]);
            var output = new float[CeilingRows * CeilingWidth];
            _y = OrtValue.CreateTensorValueFromMemory(output, [CeilingRows, CeilingWidth]);
            _session.Run(_run, ["x"], [_x], ["y"], [_y]);
        }

        /// <summary>FLOP/s of the best of eight runs.</summary>
        public double Measure()
        {
            var best = double.MaxValue;
            for (var i = 0; i < 8; i++)
            {
                var clock = Stopwatch.StartNew();
                _session.Run(_run, ["x"], [_x], ["y"], [_y]);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            return 2.0 * CeilingRows * CeilingWidth * CeilingWidth / best;
        }

        public void Dispose()
        {
            _x.Dispose();
            _y.Dispose();
            _run.Dispose();
            _session.Dispose();
        }
    }

    /// <summary>Multiply–adds of the generator's Gemm layers, counted as two FLOPs each.</summary>
    static double GeneratorFlopsPerRow(GeneratorSignature signature, IReadOnlyDictionary<string, string> training)
    {
        var layers = training.TryGetValue("generatorLayers", out var text) && text.Length > 0
            ? text.Split(',').Select(int.Parse).ToArray()
            : [];
        double width = signature.NoiseWidth + signature.ConditionWidth, flops = 0;
        foreach (var hidden in layers)
        {
            flops += 2 * width * hidden;
            width += hidden;
        }

        return flops + 2 * width * signature.OutputWidth;
    }
}
