using System.Globalization;
using GanAugment.Encoding;
using GanAugment.Packaging;
using GanAugment.Training.Modules;
using GanAugment.Training.Onnx;

namespace GanAugment.Training.Tabular;

/// <summary>
/// The outcome of training: the encoder, the generator (evaluation mode, on the CPU) and the history.
/// </summary>
public sealed class TrainedTabularGan : IDisposable
{
    /// <summary>The kind written into packages of this generator.</summary>
    public const string GeneratorKind = "tabular-conditional-gan";

    internal TrainedTabularGan(
        TableEncoding encoding, TabularGenerator generator, TabularGanOptions options,
        IReadOnlyList<EpochSummary> history, int trainingRows)
    {
        Encoding = encoding;
        Generator = generator;
        Options = options;
        History = history;
        TrainingRows = trainingRows;
    }

    /// <summary>The fitted encoder.</summary>
    public TableEncoding Encoding { get; }

    /// <summary>The trained generator.</summary>
    public TabularGenerator Generator { get; }

    /// <summary>The settings it was trained with.</summary>
    public TabularGanOptions Options { get; }

    /// <summary>Mean losses per epoch.</summary>
    public IReadOnlyList<EpochSummary> History { get; }

    /// <summary>The rows it was trained on.</summary>
    public int TrainingRows { get; }

    /// <summary>Exports the generator to ONNX and bundles it with the encoder into a package.</summary>
    public GanPackage ToPackage()
    {
        var model = GeneratorExporter.Export(Generator, Options.NoiseWidth, Encoding.ConditionWidth);
        var invariant = CultureInfo.InvariantCulture;
        var training = new Dictionary<string, string>
        {
            ["epochs"] = Options.Epochs.ToString(invariant),
            ["epochsRun"] = History.Count.ToString(invariant),
            ["batchSize"] = Options.BatchSize.ToString(invariant),
            ["pacSize"] = Options.PacSize.ToString(invariant),
            ["noiseWidth"] = Options.NoiseWidth.ToString(invariant),
            ["generatorLayers"] = string.Join(",", Options.GeneratorLayers),
            ["discriminatorLayers"] = string.Join(",", Options.DiscriminatorLayers),
            ["gradientPenaltyWeight"] = Options.GradientPenaltyWeight.ToString(invariant),
            ["learningRate"] = Options.LearningRate.ToString(invariant),
            ["betas"] = $"{Options.Beta1.ToString(invariant)},{Options.Beta2.ToString(invariant)}",
            ["weightDecay"] = Options.WeightDecay.ToString(invariant),
            ["classifierWeight"] = Options.ClassifierWeight.ToString(invariant),
            ["gumbelTemperature"] = Options.GumbelTemperature.ToString(invariant),
            ["dropout"] = Options.Dropout.ToString(invariant),
            ["leakySlope"] = Options.LeakySlope.ToString(invariant),
            ["discriminatorSteps"] = Options.DiscriminatorSteps.ToString(invariant),
            ["maxModes"] = Options.Encoder.MaxModes.ToString(invariant),
            ["weightConcentration"] = Options.Encoder.WeightConcentration.ToString(invariant),
            ["minModeWeight"] = Options.Encoder.MinModeWeight.ToString(invariant),
            ["seed"] = Options.Seed.ToString(invariant),
            ["trainingRows"] = TrainingRows.ToString(invariant),
            ["finalGeneratorLoss"] = History.Count > 0 ? History[^1].GeneratorLoss.ToString("R", invariant) : "",
            ["finalDiscriminatorLoss"] =
                History.Count > 0 ? History[^1].DiscriminatorLoss.ToString("R", invariant) : "",
        };

        var manifest = new PackageManifest
        {
            GeneratorKind = GeneratorKind,
            CreatedBy = $"GanAugment {typeof(TrainedTabularGan).Assembly.GetName().Version}",
            Generator = new GeneratorSignature
            {
                NoiseWidth = Options.NoiseWidth,
                ConditionWidth = Encoding.ConditionWidth,
                OutputWidth = Encoding.DataWidth,
                ModelSha256 = GanPackage.Sha256(model),
            },
            Encoding = Encoding,
            Training = training,
        };
        return new GanPackage(manifest, model);
    }

    /// <inheritdoc />
    public void Dispose() => Generator.Dispose();
}
