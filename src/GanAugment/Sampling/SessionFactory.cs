using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace GanAugment.Sampling;

/// <summary>Creates ONNX Runtime sessions on the requested device, falling back from CUDA to the CPU.</summary>
/// <remarks>
/// ONNX Runtime lists CUDA among its providers whenever the GPU package is installed, whether or not
/// CUDA 13 and cuDNN 9 can be loaded, so the only reliable probe is to create the session. Its own log is
/// turned down for the probe so that a user sees one line of ours instead of ONNX Runtime's error.
/// </remarks>
internal static class SessionFactory
{
    public static (InferenceSession Session, DeviceChoice Device, string Reason) Create(
        byte[] model, SamplerOptions options, ILogger logger)
    {
        if (options.Device != DeviceChoice.Cpu)
        {
            if (MissingCudaLibrary() is { } missing)
            {
                var reason = $"CUDA not usable ({missing} cannot be loaded; " +
                    "ONNX Runtime's CUDA provider needs CUDA 13 and cuDNN 9)";
                if (options.Device == DeviceChoice.Cuda)
                {
                    throw new InvalidOperationException($"CUDA was requested but is not usable: {missing} cannot be " +
                        "loaded. It needs an NVIDIA GPU with CUDA 13 and cuDNN 9 libraries on the library path; " +
                        "use device 'auto' or 'cpu' otherwise.");
                }

                logger.LogInformation("{Reason}; sampling on CPU.", reason);
                return (CreateOnCpu(model, options), DeviceChoice.Cpu, reason);
            }

            try
            {
                using var cudaOptions = CudaOptions(options);
                var session = new InferenceSession(model, cudaOptions);
                var reason = $"CUDA device {options.CudaDeviceId} is usable";
                logger.LogInformation("Sampling on CUDA: {Reason}.", reason);
                return (session, DeviceChoice.Cuda, reason);
            }
            catch (OnnxRuntimeException e) when (options.Device == DeviceChoice.Auto)
            {
                var reason = $"CUDA not usable ({FirstLine(e.Message)})";
                logger.LogInformation("{Reason}; sampling on CPU.", reason);
                return (CreateOnCpu(model, options), DeviceChoice.Cpu, reason);
            }
            catch (OnnxRuntimeException e)
            {
                throw new InvalidOperationException(
                    $"CUDA was requested but is not usable: {FirstLine(e.Message)}. It needs an NVIDIA GPU with " +
                    "CUDA 13 and cuDNN 9 libraries on the library path; use device 'auto' or 'cpu' otherwise.", e);
            }
        }

        logger.LogInformation("Sampling on CPU: requested.");
        return (CreateOnCpu(model, options), DeviceChoice.Cpu, "CPU requested");
    }

    static InferenceSession CreateOnCpu(byte[] model, SamplerOptions options)
    {
        using var cpuOptions = CpuOptions(options);
        return new InferenceSession(model, cpuOptions);
    }

    /// <summary>
    /// The first CUDA library that ONNX Runtime's CUDA provider needs and this process cannot load, or null.
    /// Checking first names the real cause (ONNX Runtime reports only "failed to load") and keeps its own
    /// error line off the user's terminal.
    /// </summary>
    static string? MissingCudaLibrary()
    {
        string[] needed = OperatingSystem.IsWindows()
            ? ["cudart64_13.dll", "cublasLt64_13.dll", "cublas64_13.dll", "cudnn64_9.dll"]
            : ["libcudart.so.13", "libcublasLt.so.13", "libcublas.so.13", "libcudnn.so.9"];
        foreach (var library in needed)
        {
            if (!NativeLibrary.TryLoad(library, out var handle))
            {
                return library;
            }

            NativeLibrary.Free(handle);
        }

        return null;
    }

    static SessionOptions CudaOptions(SamplerOptions options)
    {
        var session = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        try
        {
            session.AppendExecutionProvider_CUDA(options.CudaDeviceId);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    static SessionOptions CpuOptions(SamplerOptions options)
    {
        var session = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (options.Threads > 0)
        {
            session.IntraOpNumThreads = options.Threads;
        }

        // ONNX Runtime's worker threads spin for a while after each run by default; here the same cores
        // draw noise and decode rows between runs, and spinning workers only take time from them.
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");

        return session;
    }

    static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
