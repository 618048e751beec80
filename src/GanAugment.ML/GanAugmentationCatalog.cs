using Microsoft.ML;

namespace GanAugment.ML;

/// <summary>
/// Adds GAN augmentation to ML.NET pipelines:
/// <c>pipeline.AppendGanAugmentation(options).Append(trainer)</c>.
/// </summary>
/// <remarks>
/// | Does this estimator need to look at the data to train its parameters? | Yes: it trains a conditional GAN |
/// | Input column data type | numeric, Boolean, text and key scalars; known-size numeric vectors |
/// | Output column data type | the input's (rows are added, columns are not) |
/// | Exportable to ONNX | no: it is not part of the fitted model |
/// </remarks>
public static class GanAugmentationCatalog
{
    /// <summary>
    /// Makes the next appended estimator learn from the real rows plus synthetic rows of each class. The seed,
    /// when unset, comes from the <see cref="MLContext"/> that built <paramref name="pipeline"/>.
    /// </summary>
    public static GanAugmentationBuilder<TLast> AppendGanAugmentation<TLast>(
        this IEstimator<TLast> pipeline, GanAugmentationOptions options)
        where TLast : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        return new(pipeline, new Augmenter(options, EnvironmentLocator.Find(pipeline)));
    }

    /// <summary>The short form: label column, synthetic rows as a multiple of the real ones, and a seed.</summary>
    public static GanAugmentationBuilder<TLast> AppendGanAugmentation<TLast>(
        this IEstimator<TLast> pipeline, string labelColumnName = "Label", double syntheticRatio = 1, int? seed = null)
        where TLast : class, ITransformer =>
        pipeline.AppendGanAugmentation(new GanAugmentationOptions
        {
            LabelColumnName = labelColumnName,
            SyntheticRatio = syntheticRatio,
            Seed = seed,
        });

    /// <summary>
    /// Starts a pipeline with augmentation:
    /// <c>mlContext.Transforms.GanAugmentation(options).Append(trainer)</c>.
    /// </summary>
    public static GanAugmentationBuilder<ITransformer> GanAugmentation(
        this TransformsCatalog catalog, GanAugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new(null, new Augmenter(options, EnvironmentLocator.Find(catalog)));
    }

    /// <summary>
    /// The explicit estimator: fit on training rows, its transformer turns them into real plus synthetic rows.
    /// A data operation for producing augmented data, not a scoring step.
    /// </summary>
    public static GanAugmentationEstimator GanAugmentationData(
        this TransformsCatalog catalog, GanAugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new GanAugmentationEstimator(options, EnvironmentLocator.Find(catalog));
    }
}
