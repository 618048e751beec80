using GanAugment.Encoding;
using GanAugment.Packaging;
using GanAugment.Tabular;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GanAugment.Sampling;

/// <summary>
/// Draws synthetic rows from a model package with ONNX Runtime, in batches, on CUDA or the CPU.
/// </summary>
/// <remarks>
/// Rows are drawn in blocks of <see cref="BlockRows"/>; block <c>b</c> takes all its random numbers
/// (noise, conditions, category draws) from stream <c>b</c> of the seed, so the same seed gives the same
/// rows whatever the batch size, device thread count or consumer. Conditions are met by fixing the
/// conditional vector, never by rejecting rows.
/// </remarks>
public sealed partial class GanSampler : IDisposable
{
    /// <summary>The rows that share one random stream.</summary>
    public const int BlockRows = 1024;

    const int CpuBatchRows = 4096;
    const int CudaBatchRows = 65536;

    readonly InferenceSession _session;
    readonly ILogger _logger;
    readonly int _batchRows;
    readonly int _noiseWidth;
    readonly int _conditionWidth;
    readonly int _outputWidth;
    readonly ParallelOptions _parallel;
    readonly double[] _classWeights;
    readonly double[]?[][] _slotWeights;
    readonly int[] _conditionOffsets;

    /// <summary>Creates a sampler for a package (packages validate their manifest when created or read).</summary>
    /// <exception cref="ModelPackageException">The ONNX graph does not match the manifest.</exception>
    public GanSampler(GanPackage package, SamplerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        options ??= new SamplerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.BatchRows);
        _logger = logger ?? NullLogger.Instance;
        Package = package;
        Encoding = package.Manifest.Encoding;
        _noiseWidth = package.Manifest.Generator.NoiseWidth;
        _conditionWidth = package.Manifest.Generator.ConditionWidth;
        _outputWidth = package.Manifest.Generator.OutputWidth;
        _parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.DecodeThreads > 0 ? options.DecodeThreads : Environment.ProcessorCount,
        };
        (_classWeights, _slotWeights, _conditionOffsets) = ConditionWeights();
        (_session, Device, DeviceReason) = SessionFactory.Create(package.Model, options, _logger);
        var batchRows = options.BatchRows > 0 ? options.BatchRows
            : Device == DeviceChoice.Cuda ? CudaBatchRows
            : CpuBatchRows;
        _batchRows = (batchRows + BlockRows - 1) / BlockRows * BlockRows;
        try
        {
            CheckGraphSignature();
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>The rows in one call to ONNX Runtime (after choosing by device and rounding).</summary>
    internal int BatchRowsInUse => _batchRows;

    /// <summary>The package being sampled.</summary>
    public GanPackage Package { get; }

    /// <summary>The package's encoder.</summary>
    public TableEncoding Encoding { get; }

    /// <summary>
    /// The device actually in use: <see cref="DeviceChoice.Cpu"/> or <see cref="DeviceChoice.Cuda"/>.
    /// </summary>
    public DeviceChoice Device { get; }

    /// <summary>Why that device runs, in words (for example why CUDA was not usable).</summary>
    public string DeviceReason { get; }

    /// <summary>Reads, validates and opens the package at <paramref name="path"/>.</summary>
    public static GanSampler Load(string path, SamplerOptions? options = null, ILogger? logger = null) =>
        new(GanPackage.Read(path), options, logger);

    /// <summary>Draws <paramref name="rows"/> synthetic rows into one table.</summary>
    public Table Sample(int rows, ulong seed, SamplingCondition? condition = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return Concatenate(SampleBlocks(rows, seed, condition).ToList());
    }

    /// <summary>
    /// Streams <paramref name="rows"/> synthetic rows as tables of at most <see cref="BlockRows"/> rows;
    /// memory stays bounded by one batch whatever the total.
    /// </summary>
    /// <exception cref="ArgumentException">The condition names an unknown column or value.</exception>
    public IEnumerable<Table> SampleBlocks(long rows, ulong seed, SamplingCondition? condition = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var request = ResolveCondition(condition);
        return SampleBlocksCore(rows, seed, request);
    }

    /// <summary>
    /// The iterator behind <see cref="SampleBlocks"/>, separate so that argument errors throw at once.
    /// </summary>
    IEnumerable<Table> SampleBlocksCore(long rows, ulong seed, ConditionRequest request)
    {
        var noise = new float[_batchRows * _noiseWidth];
        var conditions = new float[_batchRows * _conditionWidth];
        var output = new float[_batchRows * _outputWidth];
        var classes = new int[_batchRows];
        var sources = new RandomSource[_batchRows / BlockRows];
        var decoded = new Table[_batchRows / BlockRows];
        long block = 0;
        for (long done = 0; done < rows;)
        {
            var batch = (int)Math.Min(_batchRows, rows - done);
            var blocks = (batch + BlockRows - 1) / BlockRows;
            var first = block;

            // Blocks have their own random streams, so noise and decoding can run on every core and
            // still give the same rows as one thread would.
            Parallel.For(0, blocks, _parallel, b =>
            {
                var start = b * BlockRows;
                var count = Math.Min(BlockRows, batch - start);
                sources[b] = new RandomSource(seed, (ulong)(first + b));
                sources[b].FillStandardNormal(noise.AsSpan(start * _noiseWidth, count * _noiseWidth));
                FillConditions(request, count, sources[b],
                    conditions.AsSpan(start * _conditionWidth, count * _conditionWidth), classes.AsSpan(start, count));
            });

            RunGenerator(noise, conditions, output, batch);
            Parallel.For(0, blocks, _parallel, b =>
            {
                var start = b * BlockRows;
                var count = Math.Min(BlockRows, batch - start);
                decoded[b] = Encoding.Decode(
                    output.AsSpan(start * _outputWidth, count * _outputWidth), count,
                    classes.AsSpan(start, count), sources[b], request.FixedColumn, request.FixedSlot);
            });

            for (var b = 0; b < blocks; b++)
            {
                yield return decoded[b];
            }

            block += blocks;
            done += batch;
        }
    }

    /// <summary>Runs the generator graph on <paramref name="rows"/> rows of noise and conditions.</summary>
    internal void RunGenerator(float[] noise, float[] conditions, float[] output, int rows)
    {
        using var noiseValue = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, noise.AsMemory(0, rows * _noiseWidth), [rows, _noiseWidth]);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, output.AsMemory(0, rows * _outputWidth), [rows, _outputWidth]);
        using var runOptions = new RunOptions();
        if (_conditionWidth == 0)
        {
            _session.Run(runOptions, [GeneratorSignature.NoiseInput], [noiseValue],
                [GeneratorSignature.Output], [outputValue]);
            return;
        }

        using var conditionValue = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, conditions.AsMemory(0, rows * _conditionWidth), [rows, _conditionWidth]);
        _session.Run(runOptions, [GeneratorSignature.NoiseInput, GeneratorSignature.ConditionInput],
            [noiseValue, conditionValue], [GeneratorSignature.Output], [outputValue]);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    void CheckGraphSignature()
    {
        void Expect(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int width)
        {
            if (!nodes.TryGetValue(name, out var node) || node.ElementDataType != TensorElementType.Float ||
                node.Dimensions.Length != 2 || node.Dimensions[1] != width)
            {
                throw new ModelPackageException(
                    $"The package's ONNX graph does not match its manifest: expected a float tensor '{name}' of " +
                    $"shape [rows, {width}].");
            }
        }

        Expect(_session.InputMetadata, GeneratorSignature.NoiseInput, _noiseWidth);
        if (_conditionWidth > 0)
        {
            Expect(_session.InputMetadata, GeneratorSignature.ConditionInput, _conditionWidth);
        }

        Expect(_session.OutputMetadata, GeneratorSignature.Output, _outputWidth);
        var expectedInputs = _conditionWidth > 0 ? 2 : 1;
        if (_session.InputMetadata.Count != expectedInputs)
        {
            throw new ModelPackageException(
                $"The package's ONNX graph has {_session.InputMetadata.Count} inputs; expected {expectedInputs}.");
        }
    }

    static Table Concatenate(IReadOnlyList<Table> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var columns = parts[0].Columns.Select((column, c) => column.IsNumeric
            ? TableColumn.Numeric(column.Name, column.Kind, parts.SelectMany(p => p.Columns[c].Numbers!).ToArray(),
                column.DecimalPlaces)
            : column.Kind == ColumnKind.Boolean
                ? TableColumn.Boolean(column.Name, parts.SelectMany(p => p.Columns[c].Codes!).ToArray())
                : TableColumn.Categorical(column.Name, parts.SelectMany(p => p.Columns[c].Codes!).ToArray(),
                    column.Categories));
        return new Table(columns.ToArray());
    }
}
