namespace GanAugment.Sampling;

/// <summary>How a <see cref="GanSampler"/> runs the generator.</summary>
public sealed record SamplerOptions
{
    /// <summary>
    /// The rows in one call to ONNX Runtime, rounded up to a multiple of <see cref="GanSampler.BlockRows"/>;
    /// 0 chooses by device: 4,096 on the CPU (a batch's activations then stay in cache: on the build machine
    /// the Adult generator sampled end to end at a median 74–75 % of a GEMM ceiling, against 64–65 % with
    /// 16,384), 65,536 on CUDA. Default: 0.
    /// </summary>
    public int BatchRows { get; init; }

    /// <summary>Where to run. Default: <see cref="DeviceChoice.Auto"/>.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>The CUDA device ordinal. Default: 0.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Threads that draw noise and decode rows, block by block; 0 uses every core. Default: 0.</summary>
    public int DecodeThreads { get; init; }

    /// <summary>ONNX Runtime's intra-op threads on the CPU; 0 lets it choose. Default: 0.</summary>
    public int Threads { get; init; }
}
