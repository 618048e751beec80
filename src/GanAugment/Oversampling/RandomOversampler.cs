using GanAugment.Tabular;

namespace GanAugment.Oversampling;

/// <summary>
/// The simplest baseline: synthetic rows that are copies of real rows of the same class, drawn uniformly
/// with replacement, as imbalanced-learn's <c>RandomOverSampler</c> does without shrinkage.
/// </summary>
/// <remarks>
/// Copies add no new information; they only reweight the classes. Use it to tell how much of a
/// generator's gain comes from balancing alone.
/// </remarks>
public static class RandomOversampler
{
    /// <summary>Makes synthetic rows for each requested class by copying its real rows.</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="labelColumn">The class column: categorical, boolean or integer.</param>
    /// <param name="extraRowsPerClass">
    /// How many synthetic rows to make per class, keyed by the label's category (or an integer label's
    /// value written in the invariant culture). Classes not listed get none.
    /// </param>
    /// <param name="seed">
    /// The seed; each class draws from its own stream of it, so the same seed gives the same rows.
    /// </param>
    /// <returns>
    /// Only the synthetic rows, class by class in the label's order, with the input's columns, kinds,
    /// categories and decimal places.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// The label column is unknown or continuous, a class has no real rows, or a count is negative.
    /// </exception>
    public static Table Oversample(
        Table table, string labelColumn, IReadOnlyDictionary<string, int> extraRowsPerClass, ulong seed)
    {
        var classes = OversamplingRequest.Resolve(table, labelColumn, extraRowsPerClass);

        var picked = new List<int>(classes.Sum(c => c.ExtraRows));
        foreach (var klass in classes)
        {
            var random = new RandomSource(seed, klass.Stream);
            for (var i = 0; i < klass.ExtraRows; i++)
            {
                picked.Add(klass.Rows[random.NextInt(klass.Rows.Length)]);
            }
        }

        return table.SelectRows(picked);
    }
}
