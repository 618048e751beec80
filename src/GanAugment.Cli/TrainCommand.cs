using System.CommandLine;
using System.Diagnostics;
using GanAugment.Csv;
using GanAugment.Evaluation;
using GanAugment.Sampling;
using GanAugment.Training.Tabular;

namespace GanAugment.Cli;

/// <summary><c>gan-augment train</c>: fit a conditional tabular GAN to a CSV file and write a model package.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TabularGanOptions();
        var data = new Option<string>("--data") { Description = "The CSV file of real rows.", Required = true };
        var label = new Option<string?>("--label") { Description = "The label column: a condition on every step." };
        var output = new Option<string>("--out")
        {
            Description = "The model package to write (.gan).", Required = true,
        };
        var epochs = new Option<int>("--epochs")
        {
            Description = "Passes over the data.", DefaultValueFactory = _ => defaults.Epochs,
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per step (a multiple of the pac size).", DefaultValueFactory = _ => defaults.BatchSize,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of every random source.", DefaultValueFactory = _ => defaults.Seed,
        };
        var device = new Option<string>("--device")
        {
            Description = "Training and sampling device: auto, cpu or cuda.",
            DefaultValueFactory = _ => defaults.Device,
        };
        var threads = new Option<int>("--threads")
        {
            Description = "CPU threads for training (0: TorchSharp's default).",
            DefaultValueFactory = _ => defaults.Threads,
        };
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description =
                $"Save progress here every {new CheckpointOptions("-").EveryEpochs} epochs and resume from it.",
        };
        var reportRows = new Option<int>("--report-rows")
        {
            Description = "Synthetic rows sampled from the written package for the fidelity summary (0: none).",
            DefaultValueFactory = _ => 10_000,
        };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var csv = new CsvInputOptions();

        var command = new Command("train", "Train a conditional tabular GAN on a CSV file and write a model package.")
        {
            data, label, output, epochs, batchSize, seed, device, threads, checkpoint, reportRows, quiet,
        };
        csv.AddTo(command);
        command.SetAction((result, cancellationToken) => Task.FromResult(CommandLine.Guard(() =>
        {
            var reporter = new ConsoleReporter(result.GetValue(quiet));
            var labelName = result.GetValue(label);
            var table = CsvTableReader.ReadFile(
                result.GetValue(data)!, csv.Read(result, labelName is null ? [] : [labelName]));
            var options = defaults with
            {
                Epochs = result.GetValue(epochs),
                BatchSize = result.GetValue(batchSize),
                Seed = result.GetValue(seed),
                Device = result.GetValue(device)!,
                Threads = result.GetValue(threads),
            };
            reporter.Info($"Read {table.RowCount} rows × {table.Columns.Count} columns: " +
                string.Join(", ", table.Columns.Select(c => $"{c.Name} ({c.Kind.ToString().ToLowerInvariant()})")));

            var clock = Stopwatch.StartNew();
            var checkpointPath = result.GetValue(checkpoint);
            using var trained = new TabularGanTrainer(options).Fit(
                table, labelName, reporter, checkpointPath is null ? null : new CheckpointOptions(checkpointPath),
                cancellationToken);
            var package = trained.ToPackage();
            var path = result.GetValue(output)!;
            package.Write(path);
            Console.WriteLine($"Trained {trained.History.Count} epochs in {clock.Elapsed.TotalSeconds:F1} s " +
                $"({clock.Elapsed.TotalSeconds / Math.Max(trained.History.Count, 1):F2} s per epoch); wrote {path}.");

            var rows = result.GetValue(reportRows);
            if (rows > 0)
            {
                var sampling = ParseDevice(result.GetValue(device)!);
                using var sampler = GanSampler.Load(path, sampling);
                var synthetic = sampler.Sample(rows, options.Seed);
                Console.WriteLine($"Sampled {rows} rows from {path} with ONNX Runtime on " +
                    $"{sampler.Device.ToString().ToUpperInvariant()} ({sampler.DeviceReason}).");
                FidelityPrinter.Print(FidelityReport.Compare(table, synthetic));
            }

            return 0;
        })));
        return command;
    }

    /// <summary>Sampler settings for a <c>--device</c> value: auto, cpu, cuda or cuda:N.</summary>
    internal static SamplerOptions ParseDevice(string device) => device switch
    {
        "auto" => new SamplerOptions { Device = DeviceChoice.Auto },
        "cpu" => new SamplerOptions { Device = DeviceChoice.Cpu },
        "cuda" => new SamplerOptions { Device = DeviceChoice.Cuda },
        _ when device.StartsWith("cuda:", StringComparison.Ordinal) &&
            int.TryParse(device.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var ordinal) &&
            ordinal >= 0 => new SamplerOptions { Device = DeviceChoice.Cuda, CudaDeviceId = ordinal },
        _ => throw new ArgumentException($"--device must be auto, cpu, cuda or cuda:N, got '{device}'."),
    };
}
