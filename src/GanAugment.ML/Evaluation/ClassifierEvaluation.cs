using GanAugment.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML.Evaluation;

/// <summary>Macro-F1 and accuracy of a classifier on held-out rows.</summary>
/// <param name="MacroF1">The unweighted mean of the per-class F1 scores.</param>
/// <param name="Accuracy">The share of rows given their true class.</param>
public sealed record ClassifierScore(double MacroF1, double Accuracy);

/// <summary>How often a classifier gives rows of one class that class.</summary>
/// <param name="Class">The class.</param>
/// <param name="Synthetic">The share of rows generated for the class that the classifier assigns to it.</param>
/// <param name="Real">The share of real held-out rows of the class that it assigns to it.</param>
public sealed record ClassAgreement(string Class, double Synthetic, double Real);

/// <summary>
/// Usefulness checks with a multinomial logistic regression (ML.NET's L-BFGS maximum entropy trainer) on
/// <see cref="TableFeaturizer"/> features: train on one table, score another.
/// </summary>
public static class ClassifierEvaluation
{
    /// <summary>Trains on <paramref name="train"/> and scores <paramref name="test"/>.</summary>
    public static ClassifierScore TrainAndTest(Table train, Table test, string label, int seed)
    {
        var context = new MLContext(seed);
        var model = Fit(context, train, label);
        var scored = model.Transform(TableDataView.FromTable(AlignClasses(test, train, label)));
        var metrics = context.MulticlassClassification.Evaluate(scored);
        var matrix = metrics.ConfusionMatrix;
        var f1 = matrix.PerClassPrecision.Zip(matrix.PerClassRecall, (p, r) => p + r == 0 ? 0 : 2 * p * r / (p + r));
        return new ClassifierScore(f1.Average(), metrics.MicroAccuracy);
    }

    /// <summary>
    /// Label consistency: a classifier trained on <paramref name="real"/> scores, per class, rows generated for
    /// that class and real held-out rows of that class.
    /// </summary>
    public static IReadOnlyList<ClassAgreement> LabelConsistency(
        Table real, Table heldOut, string label, IReadOnlyDictionary<string, Table> syntheticByClass, int seed)
    {
        var context = new MLContext(seed);
        var model = Fit(context, real, label);
        var held = AlignClasses(heldOut, real, label);
        return real[label].Categories.Where(syntheticByClass.ContainsKey).Select(klass =>
        {
            var heldRows = Enumerable.Range(0, held.RowCount)
                .Where(r => held[label].Codes![r] >= 0 && held[label].Categories[held[label].Codes![r]] == klass)
                .ToArray();
            return new ClassAgreement(klass,
                AssignedShare(context, model, syntheticByClass[klass], label, klass),
                AssignedShare(context, model, held.SelectRows(heldRows), label, klass));
        }).ToArray();
    }

    static ITransformer Fit(MLContext context, Table train, string label)
    {
        var pipeline = context.Transforms.Conversion.MapValueToKey("Label", label)
            .Append(TableFeaturizer.Create(context, train, label))
            .Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Append(context.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));
        return pipeline.Fit(TableDataView.FromTable(train));
    }

    static double AssignedShare(MLContext context, ITransformer model, Table rows, string label, string klass)
    {
        if (rows.RowCount == 0)
        {
            return double.NaN;
        }

        var predicted = model.Transform(TableDataView.FromTable(rows))
            .GetColumn<ReadOnlyMemory<char>>("PredictedClass");
        return predicted.Count(p => p.Span.SequenceEqual(klass)) / (double)rows.RowCount;
    }

    /// <summary>
    /// Gives <paramref name="test"/>'s label the training classes' codes, matching a value that is not a class
    /// after trimming a trailing full stop (as UCI Adult's test file writes its labels).
    /// </summary>
    /// <exception cref="InvalidTrainingDataException">A held-out label is not a training class.</exception>
    public static Table AlignClasses(Table test, Table train, string label)
    {
        var classes = train[label].Categories.ToList();
        var column = test[label];
        var codeOf = column.Categories.Select(c => classes.IndexOf(c) is var code and >= 0 ? code
            : classes.IndexOf(c.TrimEnd('.'))).ToArray();
        var codes = column.Codes!.Select(c => c < 0 ? -1 : codeOf[c]).ToArray();
        var unknown = Array.IndexOf(codeOf, -1);
        if (unknown >= 0)
        {
            throw new InvalidTrainingDataException(
                $"The held-out label '{label}' has the value '{column.Categories[unknown]}', which is not a class of " +
                $"the training rows ({string.Join(", ", classes)}).", label);
        }

        return new Table(test.Columns.Select(c => c.Name == label ? TableColumn.Categorical(label, codes, classes) : c)
            .ToArray());
    }
}
