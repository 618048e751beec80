using System.Runtime.InteropServices;

namespace GanAugment.Tests.Sampling;

/// <summary>
/// A fact about a machine without a loadable CUDA runtime, skipped (and reported as skipped) on one
/// that has it, where the fallback it checks cannot happen.
/// </summary>
public sealed class WithoutCudaFactAttribute : FactAttribute
{
    public WithoutCudaFactAttribute()
    {
        if (CudaRuntimeLoads())
        {
            Skip = "This machine can load the CUDA runtime, so there is no fallback to check.";
        }
    }

    static bool CudaRuntimeLoads()
    {
        var library = OperatingSystem.IsWindows() ? "cudart64_13.dll" : "libcudart.so.13";
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
