using Microsoft.ML;

namespace GanAugment.ML;

/// <summary>
/// Wraps the estimator that follows <c>AppendGanAugmentation</c>: its <see cref="Fit"/> trains the inner
/// estimator on real plus synthetic rows and returns the inner estimator's own transformer, unchanged. The
/// fitted model therefore holds stock ML.NET transformers only: scoring, evaluation, cross-validation test
/// folds, prediction engines and saved models never see a synthetic row or a GanAugment type.
/// </summary>
/// <typeparam name="TTransformer">The inner estimator's transformer.</typeparam>
public sealed class AugmentingEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : class, ITransformer
{
    readonly IEstimator<TTransformer> _inner;
    readonly Augmenter _augmenter;

    internal AugmentingEstimator(IEstimator<TTransformer> inner, Augmenter augmenter)
    {
        _inner = inner;
        _augmenter = augmenter;
    }

    /// <summary>The synthetic rows the last <see cref="Fit"/> added (0 before the first).</summary>
    public int SyntheticRowsAdded => _augmenter.SyntheticRowsAdded;

    /// <summary>Generates synthetic rows once, then fits the inner estimator on real plus synthetic rows.</summary>
    public TTransformer Fit(IDataView input) => _inner.Fit(_augmenter.Augment(input));

    /// <summary>Checks the label column, then returns the inner estimator's output schema.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        _augmenter.CheckSchema(inputSchema);
        return _inner.GetOutputSchema(inputSchema);
    }
}
