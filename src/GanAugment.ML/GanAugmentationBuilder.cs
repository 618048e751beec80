using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML;

/// <summary>
/// What <c>AppendGanAugmentation</c> returns: not an estimator, so it cannot be fit or left at the end of a
/// pipeline. <see cref="Append{TTransformer}"/> names the estimator (usually the trainer) whose training
/// data gets the synthetic rows.
/// </summary>
/// <typeparam name="TPrefix">The last transformer of the pipeline so far.</typeparam>
public sealed class GanAugmentationBuilder<TPrefix>
    where TPrefix : class, ITransformer
{
    readonly IEstimator<TPrefix>? _prefix;
    readonly Augmenter _augmenter;

    internal GanAugmentationBuilder(IEstimator<TPrefix>? prefix, Augmenter augmenter)
    {
        _prefix = prefix;
        _augmenter = augmenter;
    }

    /// <summary>
    /// Appends <paramref name="estimator"/>, which is fit on the real rows plus synthetic rows; everything
    /// before it sees only real rows, and the fitted model scores only what it is given.
    /// </summary>
    public EstimatorChain<TTransformer> Append<TTransformer>(IEstimator<TTransformer> estimator)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var augmenting = new AugmentingEstimator<TTransformer>(estimator, _augmenter);
        return _prefix is null
            ? new EstimatorChain<ITransformer>().Append(augmenting)
            : _prefix.Append(augmenting);
    }
}
