using System.CommandLine;
using GanAugment.Csv;
using GanAugment.Sampling;

namespace GanAugment.Cli;

/// <summary><c>gan-augment sample</c>: stream synthetic rows from a model package to a CSV file.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model package (.gan).", Required = true };
        var rows = new Option<long>("--rows") { Description = "Synthetic rows to write.", Required = true };
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var condition = new Option<string?>("--condition") { Description = "COLUMN=VALUE that every row must have." };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of every random draw.", DefaultValueFactory = _ => 0,
        };
        var device = new Option<string>("--device")
        {
            Description = "auto, cpu, cuda or cuda:N.",
            DefaultValueFactory = _ => new SamplerOptions().Device.ToString().ToLowerInvariant(),
        };
        var batchRows = new Option<int>("--batch-rows")
        {
            Description = "Rows per ONNX Runtime call (0: by device).",
            DefaultValueFactory = _ => new SamplerOptions().BatchRows,
        };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };

        var command = new Command("sample", "Write synthetic rows from a model package to a CSV file.")
        {
            model, rows, output, condition, seed, device, batchRows, quiet,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(CommandLine.Guard(() =>
        {
            var reporter = new ConsoleReporter(result.GetValue(quiet));
            var count = result.GetValue(rows);
            if (count <= 0)
            {
                throw new ArgumentException($"--rows must be positive, got {count}.");
            }

            var requested = result.GetValue(condition) is { } text ? SamplingCondition.Parse(text) : null;
            var options = TrainCommand.ParseDevice(result.GetValue(device)!) with
            {
                BatchRows = result.GetValue(batchRows),
            };
            using var sampler = GanSampler.Load(result.GetValue(model)!, options);
            reporter.Info($"Sampling on {sampler.Device.ToString().ToUpperInvariant()}: {sampler.DeviceReason}.");
            var blocks = sampler.SampleBlocks(count, result.GetValue(seed), requested);
            using var writer = new CsvTableWriter(result.GetValue(output)!);
            foreach (var block in blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(block);
            }

            writer.Commit();
            Console.WriteLine($"Wrote {writer.RowsWritten} rows to {result.GetValue(output)}.");
            return 0;
        })));
        return command;
    }
}
