using System.CommandLine;
using GanAugment.Csv;
using GanAugment.Evaluation;
using GanAugment.ML.Evaluation;
using GanAugment.Sampling;

namespace GanAugment.Cli;

/// <summary>
/// <c>gan-augment evaluate</c>: fidelity of a package's rows against the real rows and, with a held-out file
/// and a label, their usefulness (train on synthetic, test on real) and label consistency.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model package (.gan).", Required = true };
        var real = new Option<string>("--real")
        {
            Description = "The real rows it was trained on (CSV).", Required = true,
        };
        var test = new Option<string?>("--test") { Description = "Held-out real rows (CSV) for usefulness checks." };
        var rows = new Option<int>("--rows") { Description = "Synthetic rows to draw (0: as many as real rows)." };
        var perClass = new Option<int>("--rows-per-class")
        {
            Description = "Rows drawn per class for label consistency.", DefaultValueFactory = _ => 2000,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of sampling and the classifiers.", DefaultValueFactory = _ => 0,
        };
        var csv = new CsvInputOptions();
        var command = new Command("evaluate", "Compare a package's synthetic rows with real rows.")
        {
            model, real, test, rows, perClass, seed,
        };
        csv.AddTo(command);
        command.SetAction(result => CommandLine.Guard(() =>
        {
            using var sampler = GanSampler.Load(result.GetValue(model)!, new SamplerOptions());
            var label = sampler.Encoding.Label?.Name;
            var options = csv.Read(result, label is null ? [] : [label]);
            var realRows = CsvTableReader.ReadFile(result.GetValue(real)!, options);
            var count = result.GetValue(rows) is > 0 and var n ? n : realRows.RowCount;
            var synthetic = sampler.Sample(count, result.GetValue(seed));
            Console.WriteLine($"{count} synthetic rows against {realRows.RowCount} real rows.");
            FidelityPrinter.Print(FidelityReport.Compare(realRows, synthetic));

            if (result.GetValue(test) is not { } testPath || label is null)
            {
                return 0;
            }

            var heldOut = CsvTableReader.ReadFile(testPath, options);
            var classifierSeed = (int)(result.GetValue(seed) % int.MaxValue);
            var onReal = ClassifierEvaluation.TrainAndTest(realRows, heldOut, label, classifierSeed);
            var onSynthetic = ClassifierEvaluation.TrainAndTest(synthetic, heldOut, label, classifierSeed);
            Console.WriteLine();
            Console.WriteLine("Usefulness (logistic regression, tested on the held-out rows)");
            Console.WriteLine(
                $"  trained on real rows       macro-F1 {onReal.MacroF1:F3}  accuracy {onReal.Accuracy:F3}");
            Console.WriteLine(
                $"  trained on synthetic rows  macro-F1 {onSynthetic.MacroF1:F3}  " +
                $"accuracy {onSynthetic.Accuracy:F3}");

            var byClass = sampler.Encoding.Classes.ToDictionary(c => c, c => sampler.Sample(
                result.GetValue(perClass), result.GetValue(seed) + 1, new SamplingCondition(label, c)));
            Console.WriteLine();
            Console.WriteLine("Label consistency (classifier trained on the real rows): share given the class");
            var agreements = ClassifierEvaluation.LabelConsistency(
                realRows, heldOut, label, byClass, classifierSeed);
            foreach (var agreement in agreements)
            {
                Console.WriteLine($"  {agreement.Class,-20} rows sampled for it {agreement.Synthetic:P1}   " +
                    $"real held-out rows of it {agreement.Real:P1}");
            }

            return 0;
        }));
        return command;
    }
}
