namespace GanAugment.Sampling;

/// <summary>Where ONNX Runtime runs the generator.</summary>
public enum DeviceChoice
{
    /// <summary>CUDA when a session can be created on it, otherwise the CPU (the reason is logged).</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>CUDA; fails with the reason when it is not usable.</summary>
    Cuda,
}
