using GanAugment.Csv;
using GanAugment.ML;
using GanAugment.ML.Evaluation;
using GanAugment.Oversampling;
using GanAugment.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.Examples.ScarceLabels;

/// <summary>
/// Few labels per class: the same ML.NET pipeline trained on the labelled rows alone, with random
/// oversampling, with SMOTE, and with <c>.AppendGanAugmentation(...)</c>; macro-F1 on held-out rows over
/// several seeds, and the GAN's label consistency.
/// </summary>
internal static class ScarceLabelsExample
{
    static readonly string[] Arms = ["baseline", "random oversampling", "SMOTE", "GAN augmentation"];

    public static int Run(ExampleSettings settings, TextWriter output)
    {
        var (data, test) = Load(settings);
        var classes = data[settings.Label].Categories;
        var scores = new Dictionary<(string Trainer, string Arm), List<double>>();
        var consistency = new List<(double Synthetic, double Real)>();
        output.WriteLine($"{settings.Data}: {data.RowCount} rows, {classes.Count} classes, {settings.Labelled} " +
            $"labelled rows per class, {settings.Ratio:0.##}× synthetic rows per class, {settings.Seeds} seeds.");

        for (var seed = 1; seed <= settings.Seeds; seed++)
        {
            var (train, held) = test is null ? Split(data, settings.Label, seed) : (data, test);
            var labelled = SelectLabelled(train, settings.Label, settings.Labelled, seed);
            var extra = classes.ToDictionary(c => c, _ => (int)Math.Round(settings.Ratio * settings.Labelled));
            var context = new MLContext(seed);
            var heldView = TableDataView.FromTable(held);
            var gan = GanOptions(settings, extra, seed);
            foreach (var trainer in settings.Trainers)
            {
                foreach (var arm in Arms)
                {
                    var training = arm switch
                    {
                        "random oversampling" => TableDataView.FromTables(
                            labelled, RandomOversampler.Oversample(labelled, settings.Label, extra, (ulong)seed)),
                        "SMOTE" => TableDataView.FromTables(
                            labelled, Smote.Oversample(labelled, settings.Label, extra, (ulong)seed)),
                        _ => TableDataView.FromTable(labelled),
                    };
                    var prefix = Prefix(context, settings.Label);
                    var tail = TableFeaturizer.Create(context, labelled, settings.Label)
                        .Append(Trainer(context, trainer));
                    IEstimator<ITransformer> pipeline = arm == "GAN augmentation"
                        ? prefix.AppendGanAugmentation(gan).Append(tail)
                        : prefix.Append(tail);
                    var model = pipeline.Fit(training);
                    Add(scores, (trainer, arm), MacroF1(context, model.Transform(heldView)));
                }
            }

            consistency.Add(LabelConsistency(context, settings, labelled, heldView, gan));
        }

        Print(output, settings, scores, consistency);
        return 0;
    }

    static GanAugmentationOptions GanOptions(ExampleSettings settings, Dictionary<string, int> extra, int seed) => new()
    {
        LabelColumnName = "Label",
        RowsPerClass = extra,
        Seed = seed,
        Training = new Training.Tabular.TabularGanOptions { Epochs = settings.Epochs },
        Device = Sampling.DeviceChoice.Auto,
    };

    /// <summary>The label as a key (its text column dropped, so it is not generated as a feature).</summary>
    static IEstimator<ITransformer> Prefix(MLContext context, string label) =>
        context.Transforms.Conversion.MapValueToKey("Label", label)
            .Append(context.Transforms.DropColumns(label));

    static IEstimator<ITransformer> Trainer(MLContext context, string trainer) => trainer switch
    {
        "lbfgs" => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(),
        "fasttree" => context.MulticlassClassification.Trainers.OneVersusAll(
            context.BinaryClassification.Trainers.FastTree()),
        _ => throw new ArgumentException($"Unknown trainer '{trainer}'; use lbfgs or fasttree."),
    };

    /// <summary>
    /// How often the labelled-rows classifier gives GAN rows their requested class, against how often it gives
    /// held-out real rows their true class (it should be at least as often).
    /// </summary>
    static (double Synthetic, double Real) LabelConsistency(
        MLContext context, ExampleSettings settings, Table labelled, IDataView held, GanAugmentationOptions gan)
    {
        var real = TableDataView.FromTable(labelled);
        var prefix = Prefix(context, settings.Label).Fit(real);
        var prepared = prefix.Transform(real);
        var augmented = context.Transforms.GanAugmentationData(gan).Fit(prepared).Transform(prepared);
        var synthetic = context.Data.SkipRows(augmented, labelled.RowCount);
        var classifier = TableFeaturizer.Create(context, labelled, settings.Label)
            .Append(Trainer(context, "lbfgs"))
            .Fit(prepared);
        return (Accuracy(classifier.Transform(synthetic)), Accuracy(classifier.Transform(prefix.Transform(held))));
    }

    static double Accuracy(IDataView scored)
    {
        var truth = scored.GetColumn<uint>("Label").ToArray();
        var predicted = scored.GetColumn<uint>("PredictedLabel").ToArray();
        return truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Length;
    }

    static double MacroF1(MLContext context, IDataView scored)
    {
        var matrix = context.MulticlassClassification.Evaluate(scored).ConfusionMatrix;
        return matrix.PerClassPrecision.Zip(matrix.PerClassRecall, (p, r) => p + r == 0 ? 0 : 2 * p * r / (p + r))
            .Average();
    }

    static (Table Data, Table? Test) Load(ExampleSettings settings)
    {
        var options = new CsvReadOptions
        {
            HasHeader = settings.Columns is null,
            ColumnNames = settings.Columns?.Split(','),
            MissingValues = settings.Missing,
            CategoricalColumns = [settings.Label],
        };
        var data = CsvTableReader.ReadFile(Locate(settings.Data), options);
        var test = settings.Test is null ? null : CsvTableReader.ReadFile(Locate(settings.Test), options);
        return (data, test is null ? null : ClassifierEvaluation.AlignClasses(test, data, settings.Label));
    }

    static string Locate(string data)
    {
        if (File.Exists(data))
        {
            return data;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "datasets", data + ".csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No file '{data}' and no bundled dataset datasets/{data}.csv.");
    }

    /// <summary>A stratified 70 / 30 split.</summary>
    static (Table Train, Table Test) Split(Table data, string label, int seed)
    {
        var random = new RandomSource((ulong)seed, 100);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var rows in RowsByClass(data, label))
        {
            var shuffled = Shuffle(rows, random);
            var cut = (int)Math.Round(shuffled.Length * 0.7);
            train.AddRange(shuffled[..cut]);
            test.AddRange(shuffled[cut..]);
        }

        return (data.SelectRows(train), data.SelectRows(test));
    }

    static Table SelectLabelled(Table train, string label, int perClass, int seed)
    {
        var random = new RandomSource((ulong)seed, 200);
        var picked = RowsByClass(train, label).SelectMany(rows => Shuffle(rows, random).Take(perClass)).ToArray();
        return train.SelectRows(picked);
    }

    static IEnumerable<int[]> RowsByClass(Table table, string label)
    {
        var codes = table[label].Codes!;
        return Enumerable.Range(0, table[label].Categories.Count)
            .Select(k => Enumerable.Range(0, table.RowCount).Where(r => codes[r] == k).ToArray());
    }

    static int[] Shuffle(int[] rows, RandomSource random)
    {
        var copy = (int[])rows.Clone();
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    static void Add(Dictionary<(string, string), List<double>> scores, (string, string) key, double value)
    {
        if (!scores.TryGetValue(key, out var list))
        {
            scores[key] = list = [];
        }

        list.Add(value);
    }

    static void Print(
        TextWriter output, ExampleSettings settings, Dictionary<(string Trainer, string Arm), List<double>> scores,
        List<(double Synthetic, double Real)> consistency)
    {
        output.WriteLine();
        output.WriteLine($"{"trainer",-10} {"arm",-22} macro-F1 (mean ± std over {settings.Seeds} seeds)");
        foreach (var ((trainer, arm), values) in scores)
        {
            var mean = values.Average();
            var std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
            output.WriteLine($"{trainer,-10} {arm,-22} {mean:F3} ± {std:F3}");
        }

        output.WriteLine();
        output.WriteLine($"GAN label consistency: synthetic rows given their requested class " +
            $"{consistency.Average(c => c.Synthetic):P1}; real held-out rows given their true class " +
            $"{consistency.Average(c => c.Real):P1} (labelled-rows logistic regression).");
    }
}
