using System.CommandLine;

namespace GanAugment.Cli;

/// <summary><c>gan-augment bench</c>: measure sampling and training speed against a same-run ceiling.</summary>
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
        var command = new Command("bench", "Measure sampling throughput as a fraction of an ONNX Runtime GEMM ceiling.")
        {
            model, rows,
        };
        command.SetAction(result => CommandLine.Guard(() =>
            SamplingBench.Run(result.GetValue(model)!, result.GetValue(rows))));
        return command;
    }
}
