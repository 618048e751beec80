using System.CommandLine;
using GanAugment.Packaging;
using GanAugment.Training;

namespace GanAugment.Cli;

/// <summary>The gan-augment command tree and its error policy.</summary>
internal static class CommandLine
{
    /// <summary>Bad input: a data file, option or condition that cannot be used.</summary>
    public const int BadInput = 2;

    /// <summary>A model package that cannot be used.</summary>
    public const int BadPackage = 3;

    /// <summary>Training diverged.</summary>
    public const int Diverged = 4;

    public static RootCommand Build() => new("Train GANs on tables, export them to ONNX and sample synthetic rows.")
    {
        TrainCommand.Create(),
        SampleCommand.Create(),
        InfoCommand.Create(),
        EvaluateCommand.Create(),
        BenchCommand.Create(),
    };

    /// <summary>
    /// Runs a command body: a known failure becomes one line on stderr and an exit code, never a stack trace.
    /// </summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is InvalidTrainingDataException or ArgumentException or FileNotFoundException
            or DirectoryNotFoundException or FormatException or InvalidDataException or KeyNotFoundException)
        {
            return Fail(e.Message, BadInput);
        }
        catch (ModelPackageException e)
        {
            return Fail(e.Message, BadPackage);
        }
        catch (TrainingDivergedException e)
        {
            return Fail(e.Message, Diverged);
        }
        catch (InvalidOperationException e)
        {
            return Fail(e.Message, 1);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled.", 130);
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("GAN_AUGMENT_DEBUG") is null)
        {
            // A bug rather than bad input: say what it was in one line; GAN_AUGMENT_DEBUG=1 shows the stack.
            var inner = e is AggregateException { InnerExceptions.Count: 1 } aggregate
                ? aggregate.InnerExceptions[0]
                : e;
            return Fail(
                $"unexpected {inner.GetType().Name}: {inner.Message} (set GAN_AUGMENT_DEBUG=1 for details)", 1);
        }
    }

    static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"gan-augment: error: {message}");
        return code;
    }
}
