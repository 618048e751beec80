using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanAugment.ML;

/// <summary>
/// Trains (or loads) the GAN on the data given to <see cref="Fit"/>; its transformer returns those rows plus
/// synthetic ones. For users who want the augmented data itself; inside a pipeline use
/// <c>AppendGanAugmentation(...).Append(trainer)</c>, which keeps synthetic rows out of scoring.
/// </summary>
public sealed class GanAugmentationEstimator : IEstimator<GanAugmentationTransformer>
{
    readonly GanAugmentationOptions _options;
    readonly IHostEnvironment? _environment;

    internal GanAugmentationEstimator(GanAugmentationOptions options, IHostEnvironment? environment)
    {
        _options = options;
        _environment = environment;
    }

    /// <summary>Generates the synthetic rows for <paramref name="input"/>.</summary>
    public GanAugmentationTransformer Fit(IDataView input)
    {
        var augmenter = new Augmenter(_options, _environment);
        return new GanAugmentationTransformer(input, augmenter.Augment(input), augmenter.SyntheticRowsAdded);
    }

    /// <summary>The input schema, after checking the label column.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        new Augmenter(_options, _environment).CheckSchema(inputSchema);
        return inputSchema;
    }
}
