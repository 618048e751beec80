using System.CommandLine;
using GanAugment.Packaging;

namespace GanAugment.Cli;

/// <summary><c>gan-augment info</c>: validate a model package and describe it.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The model package (.gan)." };
        var command = new Command(
            "info", "Validate a model package and print its schema and training settings.") { model };
        command.SetAction(result => CommandLine.Guard(() =>
        {
            var package = GanPackage.Read(result.GetValue(model)!);
            var manifest = package.Manifest;
            var encoding = manifest.Encoding;
            Console.WriteLine($"{result.GetValue(model)}: {manifest.GeneratorKind}, format {manifest.FormatVersion}, " +
                $"written by {manifest.CreatedBy}");
            Console.WriteLine($"generator: noise {manifest.Generator.NoiseWidth}, " +
                $"condition {manifest.Generator.ConditionWidth}, " +
                $"output {manifest.Generator.OutputWidth}; model sha256 {manifest.Generator.ModelSha256[..16]}…, " +
                $"{package.Model.Length} bytes");
            Console.WriteLine(encoding.Label is { } label
                ? $"label: {label.Name} ({string.Join(", ",
                    label.Categories.Zip(encoding.ClassCounts, (c, n) => $"{c}: {n}"))})"
                : "label: none");
            Console.WriteLine("columns:");
            foreach (var column in encoding.Columns)
            {
                var detail = column.IsLabel ? "label"
                    : column.IsNumeric ? $"{column.ModeMeans.Length} modes, range [{column.Minimum}, {column.Maximum}]"
                    : $"{column.Categories.Length} categories";
                var missing = column.HasMissing ? ", has missing values" : "";
                Console.WriteLine(
                    $"  {column.Name,-28} {column.Kind.ToString().ToLowerInvariant(),-12} {detail}{missing}");
            }

            Console.WriteLine("training:");
            foreach (var (key, value) in manifest.Training)
            {
                Console.WriteLine($"  {key,-24} {value}");
            }

            return 0;
        }));
        return command;
    }
}
