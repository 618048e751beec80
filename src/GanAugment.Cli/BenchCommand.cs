using System.CommandLine;
using GanAugment.Sampling;

namespace GanAugment.Cli;

/// <summary><c>gan-augment bench</c>: measure sampling speed against a ceiling measured in the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model")
        {
            Description = "The model package (.gan) to sample.", Required = true,
        };
        var rows = new Option<int>("--rows")
        {
            Description = "Rows per measurement.", DefaultValueFactory = _ => 262_144,
        };
        var batchRows = new Option<int>("--batch-rows")
        {
            Description = "Rows per ONNX Runtime call (0: by device).",
            DefaultValueFactory = _ => new SamplerOptions().BatchRows,
        };
        var command = new Command("bench", "Measure sampling throughput as a fraction of an ONNX Runtime GEMM ceiling.")
        {
            model, rows, batchRows,
        };
        command.SetAction(result => CommandLine.Guard(() =>
            SamplingBench.Run(result.GetValue(model)!, result.GetValue(rows), result.GetValue(batchRows))));
        return command;
    }
}
