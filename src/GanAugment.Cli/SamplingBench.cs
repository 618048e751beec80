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

    public static int Run(string modelPath, int rows)
    {
        var package = GanPackage.Read(modelPath);
        var flopsPerRow = GeneratorFlopsPerRow(package.Manifest.Generator, package.Manifest.Training);
        var ceiling = MeasureCeiling();
        Console.WriteLine(
            $"ceiling: ONNX Runtime GEMM {CeilingRows}×{CeilingWidth}·{CeilingWidth}×{CeilingWidth}: " +
            $"{ceiling / 1e9:F1} GFLOP/s");
        Console.WriteLine($"generator: {flopsPerRow / 1e3:F0} kFLOP per row");

        using var sampler = new GanSampler(package, new SamplerOptions { Device = DeviceChoice.Cpu });
        var modelOnly = MeasureModelOnly(sampler, package.Manifest.Generator, rows);
        Report("model only", modelOnly, flopsPerRow, ceiling);

        // Warm up until the JIT has optimised the noise and decoding loops: a steady-state rate, like the
        // model-only one.
        foreach (var _ in sampler.SampleBlocks(4 * 16384, 1))
        {
        }

        var clock = Stopwatch.StartNew();
        long produced = 0;
        foreach (var block in sampler.SampleBlocks(rows, 7))
        {
            produced += block.RowCount;
        }

        Report("end to end (noise → decoded rows)", produced / clock.Elapsed.TotalSeconds, flopsPerRow, ceiling);

        var delivered = MeasureIntoDataView(sampler, rows, out var _);
        Console.WriteLine($"into an ML.NET cursor (decoded rows → IDataView buffers → one cursor pass): " +
            $"{delivered:N0} rows/s = {delivered / modelOnly:P1} of the model-only rate");
        MeasureIntoDataView(sampler, 1_000_000, out var bytes);
        Console.WriteLine($"memory of 1,000,000 synthetic rows held as an IDataView: {bytes / 1e6:F0} MB " +
            $"({bytes / 1e6:F1} bytes per row)");
        return 0;
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

    static void Report(string what, double rowsPerSecond, double flopsPerRow, double ceiling) =>
        Console.WriteLine(
            $"{what}: {rowsPerSecond:N0} rows/s = {rowsPerSecond * flopsPerRow / ceiling:P1} of the ceiling");

    static double MeasureModelOnly(GanSampler sampler, GeneratorSignature signature, int rows)
    {
        var batch = 16384;
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

    static double MeasureCeiling()
    {
        using var layer = nn.Linear(CeilingWidth, CeilingWidth, hasBias: false);
        var graph = new OnnxGraphBuilder();
        graph.Output(graph.Linear(graph.Input("x", CeilingWidth), layer), "y", CeilingWidth);
        using var session = new InferenceSession(graph.ToBytes("bench"));
        var input = new float[CeilingRows * CeilingWidth];
        new RandomSource(5).FillStandardNormal(input);
        var output = new float[CeilingRows * CeilingWidth];
        using var x = OrtValue.CreateTensorValueFromMemory(input, [CeilingRows, CeilingWidth]);
        using var y = OrtValue.CreateTensorValueFromMemory(output, [CeilingRows, CeilingWidth]);
        using var run = new RunOptions();
        session.Run(run, ["x"], [x], ["y"], [y]);
        var best = double.MaxValue;
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            session.Run(run, ["x"], [x], ["y"], [y]);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return 2.0 * CeilingRows * CeilingWidth * CeilingWidth / best;
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
