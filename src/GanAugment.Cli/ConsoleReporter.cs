using GanAugment.Training.Tabular;

namespace GanAugment.Cli;

/// <summary>
/// Shows training progress on stderr: one line rewritten in place when stderr is a terminal, one plain
/// line per epoch when it is redirected (a log file or CI).
/// </summary>
internal sealed class ConsoleReporter(bool quiet) : IProgress<TrainingProgress>
{
    readonly bool _interactive = !Console.IsErrorRedirected;

    public void Report(TrainingProgress value)
    {
        if (quiet)
        {
            return;
        }

        var line = $"epoch {value.Epoch}/{value.Epochs}  step {value.Step}/{value.StepsPerEpoch}  " +
            $"generator {value.GeneratorLoss,8:F4}  discriminator {value.DiscriminatorLoss,8:F4}  " +
            $"{value.Elapsed.TotalSeconds,7:F1} s";
        if (_interactive)
        {
            Console.Error.Write("\r" + line);
            if (value.Step == value.StepsPerEpoch && value.Epoch == value.Epochs)
            {
                Console.Error.WriteLine();
            }
        }
        else if (value.Step == value.StepsPerEpoch)
        {
            Console.Error.WriteLine(line);
        }
    }

    public void Info(string message)
    {
        if (!quiet)
        {
            Console.Error.WriteLine(message);
        }
    }
}
