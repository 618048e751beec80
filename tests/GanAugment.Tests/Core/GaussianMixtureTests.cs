using GanAugment.Encoding;

namespace GanAugment.Tests.Core;

public sealed class GaussianMixtureTests
{
    [Fact]
    public void A_three_mode_mixture_is_recovered_with_its_means_and_weights()
    {
        double[] means = [-5, 0, 6];
        double[] deviations = [1, 0.5, 1.5];
        double[] weights = [0.5, 0.3, 0.2];
        var values = DrawMixture(new RandomSource(31), 3000, weights, means, deviations);

        var fitted = VariationalGaussianMixture.Fit(values).WithoutComponentsBelow(0.005);

        // Variational fits may split one true mode over two nearby components, as CTGAN's do, so the
        // weight near each true mean is summed. Tolerances: 0.2 on a mean (its sampling error is below
        // 0.06), 0.03 on a weight (about 0.009), and at most 0.02 weight away from every true mode.
        Assert.Equal(1.0, fitted.Weights.Sum(), 1e-12);
        for (var m = 0; m < means.Length; m++)
        {
            Assert.Contains(fitted.Means, mean => Math.Abs(mean - means[m]) < 0.2);
            Assert.InRange(WeightNear(fitted, means[m], 0.2), weights[m] - 0.03, weights[m] + 0.03);
        }

        Assert.InRange(1 - means.Sum(mean => WeightNear(fitted, mean, 0.2)), 0.0, 0.02);
    }

    [Fact]
    public void A_two_mode_mixture_with_a_light_mode_keeps_the_light_mode()
    {
        double[] means = [10, 40];
        double[] deviations = [2, 3];
        double[] weights = [0.9, 0.1];
        var values = DrawMixture(new RandomSource(32), 2000, weights, means, deviations);

        var fitted = VariationalGaussianMixture.Fit(values).WithoutComponentsBelow(0.005);

        // Tolerances: 0.5 on a mean (the light mode's sampling error is 0.21) and 0.03 on a weight (the
        // sampling error of a 0.1 share of 2,000 draws is 0.007; this seed draws 0.0815).
        Assert.Contains(fitted.Means, mean => Math.Abs(mean - 40) < 0.5);
        Assert.Contains(fitted.Means, mean => Math.Abs(mean - 10) < 0.5);
        Assert.InRange(WeightNear(fitted, 40, 0.5), 0.1 - 0.03, 0.1 + 0.03);
        Assert.InRange(WeightNear(fitted, 10, 0.5), 0.9 - 0.03, 0.9 + 0.03);
    }

    [Fact]
    public void A_constant_column_gives_one_mode_at_the_constant()
    {
        var values = Enumerable.Repeat(3.25, 500).ToArray();

        var fitted = VariationalGaussianMixture.Fit(values);

        Assert.Equal(1, fitted.Count);
        Assert.Equal(1.0, fitted.Weights[0]);
        Assert.Equal(3.25, fitted.Means[0], 1e-12);
        Assert.True(fitted.StandardDeviations[0] > 0, "a zero spread would make decoding divide by zero");
    }

    [Fact]
    public void Fitting_is_deterministic_for_the_same_values()
    {
        var values = DrawMixture(new RandomSource(33), 800, [0.5, 0.5], [0, 5], [1, 1]);

        var first = VariationalGaussianMixture.Fit(values);
        var second = VariationalGaussianMixture.Fit(values);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Means, second.Means);
        Assert.Equal(first.StandardDeviations, second.StandardDeviations);
    }

    [Fact]
    public void Fitting_no_values_is_refused_with_the_parameter_named()
    {
        var error = Assert.Throws<ArgumentException>(() => VariationalGaussianMixture.Fit([]));

        Assert.Equal("values", error.ParamName);
        Assert.Contains("At least one value", error.Message);
    }

    [Theory]
    [InlineData(1.0, -0.5772156649)]
    [InlineData(0.5, -1.9635100260)]
    [InlineData(10.0, 2.2517525891)]
    [InlineData(2.0, 0.4227843351)]
    public void Digamma_matches_known_values(double x, double expected)
    {
        var actual = VariationalGaussianMixture.Digamma(x);

        Assert.Equal(expected, actual, 1e-9);
    }

    [Theory]
    [InlineData(-1e6)]
    [InlineData(-3.0)]
    [InlineData(0.4)]
    [InlineData(2.5)]
    [InlineData(1e6)]
    public void The_posterior_over_components_sums_to_one(double x)
    {
        var mixture = new GaussianMixture([0.2, 0.5, 0.3], [-2, 0.5, 3], [0.5, 1, 2]);
        var probabilities = new double[3];

        mixture.Posterior(x, probabilities);

        Assert.All(probabilities, p => Assert.InRange(p, 0.0, 1.0));
        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
    }

    [Fact]
    public void The_posterior_favours_the_component_a_value_sits_on()
    {
        var mixture = new GaussianMixture([0.5, 0.5], [0, 10], [1, 1]);
        var probabilities = new double[2];

        mixture.Posterior(0.2, probabilities);

        // The second component is 9.8 deviations away: its share is about exp(-48), far below 1e-12.
        Assert.Equal(1.0, probabilities[0], 1e-12);
        Assert.Equal(0.0, probabilities[1], 1e-12);
    }

    [Fact]
    public void Dropping_light_components_renormalises_the_rest()
    {
        var mixture = new GaussianMixture([0.6, 0.003, 0.397], [1, 2, 3], [0.1, 0.2, 0.3]);

        var kept = mixture.WithoutComponentsBelow(0.005);

        Assert.Equal([1.0, 3.0], kept.Means);
        Assert.Equal([0.1, 0.3], kept.StandardDeviations);
        Assert.Equal(0.6 / 0.997, kept.Weights[0], 1e-12);
        Assert.Equal(0.397 / 0.997, kept.Weights[1], 1e-12);
    }

    [Fact]
    public void Dropping_every_light_component_still_keeps_the_heaviest()
    {
        var mixture = new GaussianMixture([0.002, 0.004, 0.001], [1, 2, 3], [1, 1, 1]);

        var kept = mixture.WithoutComponentsBelow(0.005);

        Assert.Equal(1, kept.Count);
        Assert.Equal(2.0, kept.Means[0]);
        Assert.Equal(1.0, kept.Weights[0], 1e-12);
    }

    static double WeightNear(GaussianMixture mixture, double mean, double tolerance) =>
        Enumerable.Range(0, mixture.Count).Where(j => Math.Abs(mixture.Means[j] - mean) < tolerance)
            .Sum(j => mixture.Weights[j]);

    /// <summary>Draws from a one-dimensional Gaussian mixture with the given seeded source.</summary>
    internal static double[] DrawMixture(
        RandomSource random, int count, double[] weights, double[] means, double[] deviations)
    {
        var noise = new float[count];
        random.FillStandardNormal(noise);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var mode = random.NextWeighted(weights);
            values[i] = means[mode] + deviations[mode] * noise[i];
        }

        return values;
    }
}
