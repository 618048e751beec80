namespace GanAugment.Encoding;

/// <summary>A fitted one-dimensional Gaussian mixture: weights, means and standard deviations.</summary>
public sealed record GaussianMixture(double[] Weights, double[] Means, double[] StandardDeviations)
{
    /// <summary>The number of components.</summary>
    public int Count => Weights.Length;

    /// <summary>A mixture of only the components whose weight exceeds <paramref name="minimumWeight"/>.</summary>
    /// <remarks>The heaviest component is always kept, so the result is never empty.</remarks>
    public GaussianMixture WithoutComponentsBelow(double minimumWeight)
    {
        var heaviest = Array.IndexOf(Weights, Weights.Max());
        var kept = Enumerable.Range(0, Count).Where(j => Weights[j] > minimumWeight || j == heaviest).ToArray();
        var total = kept.Sum(j => Weights[j]);
        return new GaussianMixture(
            kept.Select(j => Weights[j] / total).ToArray(),
            kept.Select(j => Means[j]).ToArray(),
            kept.Select(j => StandardDeviations[j]).ToArray());
    }

    /// <summary>Writes P(component | x) into <paramref name="probabilities"/>.</summary>
    public void Posterior(double x, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        for (var j = 0; j < Count; j++)
        {
            var z = (x - Means[j]) / StandardDeviations[j];
            probabilities[j] = Math.Log(Weights[j]) - Math.Log(StandardDeviations[j]) - 0.5 * z * z;
            max = Math.Max(max, probabilities[j]);
        }

        var total = 0.0;
        for (var j = 0; j < Count; j++)
        {
            probabilities[j] = Math.Exp(probabilities[j] - max);
            total += probabilities[j];
        }

        for (var j = 0; j < Count; j++)
        {
            probabilities[j] /= total;
        }
    }
}
