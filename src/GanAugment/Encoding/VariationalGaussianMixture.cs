namespace GanAugment.Encoding;

/// <summary>
/// A one-dimensional Gaussian mixture fitted by variational inference with a Dirichlet-process
/// (stick-breaking) prior on the weights, so that components the data do not need shrink towards zero
/// weight. This is the model behind mode-specific normalisation (Xu et al. 2019, section 4.2).
/// </summary>
/// <remarks>
/// Priors follow the usual conjugate choice for one dimension: a Normal-Gamma on each component's mean
/// and precision centred on the data's mean, with one degree of freedom and the data's variance as the
/// scale. Responsibilities start from a few Lloyd (k-means) iterations seeded at quantiles, so the fit
/// needs no random numbers and the same values always give the same modes.
/// </remarks>
public static class VariationalGaussianMixture
{
    const double ResponsibilityFloor = 1e-10;

    /// <summary>Fits a mixture of at most <paramref name="maxComponents"/> components.</summary>
    /// <param name="values">Finite observations; at least one.</param>
    /// <param name="maxComponents">The truncation level of the stick-breaking prior.</param>
    /// <param name="weightConcentration">The Dirichlet-process concentration; small values favour few modes.</param>
    /// <param name="maxIterations">The most variational updates.</param>
    /// <param name="tolerance">Stop when no component's weight moves by more than this.</param>
    public static GaussianMixture Fit(
        ReadOnlySpan<double> values, int maxComponents = 10, double weightConcentration = 1e-3,
        int maxIterations = 100, double tolerance = 1e-3)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxComponents, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightConcentration);

        var n = values.Length;
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= n;
        var variance = 0.0;
        foreach (var v in values)
        {
            variance += (v - mean) * (v - mean);
        }

        variance /= n;
        var k = Math.Min(maxComponents, n);
        if (variance < 1e-12 || k == 1)
        {
            // A constant column (or a single value) is one mode; a tiny spread keeps decoding finite.
            return new GaussianMixture([1.0], [mean], [Math.Max(Math.Sqrt(variance), 1e-3)]);
        }

        var state = new State(values, k, mean, variance, weightConcentration);
        state.InitialiseWithLloyd();
        var previousWeights = new double[k];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            state.UpdateParameters();
            state.UpdateResponsibilities();
            var weights = state.ExpectedWeights();
            var moved = 0.0;
            for (var j = 0; j < k; j++)
            {
                moved = Math.Max(moved, Math.Abs(weights[j] - previousWeights[j]));
            }

            weights.CopyTo(previousWeights, 0);
            if (iteration > 0 && moved < tolerance)
            {
                break;
            }
        }

        state.UpdateParameters();
        return state.ToMixture();
    }

    /// <summary>The digamma function ψ(x) for x &gt; 0 (recurrence, then the asymptotic series).</summary>
    internal static double Digamma(double x)
    {
        var result = 0.0;
        while (x < 6)
        {
            result -= 1 / x;
            x += 1;
        }

        var f = 1 / (x * x);
        return result + Math.Log(x) - 0.5 / x
            - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
    }

    sealed class State
    {
        readonly double[] _x;
        readonly int _k;
        readonly double _priorMean;
        readonly double _priorScale;
        readonly double _concentration;
        readonly double[] _r;                    // responsibilities, [n, k] row-major
        readonly double[] _count;                // N_k
        readonly double[] _beta, _mean, _nu, _scale, _stickA, _stickB;

        const double PriorBeta = 1.0;
        const double PriorNu = 1.0;

        public State(ReadOnlySpan<double> values, int k, double mean, double variance, double concentration)
        {
            _x = values.ToArray();
            _k = k;
            _priorMean = mean;
            _priorScale = variance;
            _concentration = concentration;
            _r = new double[_x.Length * k];
            _count = new double[k];
            _beta = new double[k];
            _mean = new double[k];
            _nu = new double[k];
            _scale = new double[k];
            _stickA = new double[k];
            _stickB = new double[k];
        }

        /// <summary>Hard assignments from 1-D k-means started at evenly spaced quantiles.</summary>
        public void InitialiseWithLloyd()
        {
            var sorted = (double[])_x.Clone();
            Array.Sort(sorted);
            var centres = new double[_k];
            for (var j = 0; j < _k; j++)
            {
                centres[j] = sorted[(int)((j + 0.5) / _k * sorted.Length)];
            }

            var assignment = new int[_x.Length];
            for (var round = 0; round < 10; round++)
            {
                var sums = new double[_k];
                var counts = new int[_k];
                for (var i = 0; i < _x.Length; i++)
                {
                    var best = 0;
                    for (var j = 1; j < _k; j++)
                    {
                        if (Math.Abs(_x[i] - centres[j]) < Math.Abs(_x[i] - centres[best]))
                        {
                            best = j;
                        }
                    }

                    assignment[i] = best;
                    sums[best] += _x[i];
                    counts[best]++;
                }

                for (var j = 0; j < _k; j++)
                {
                    if (counts[j] > 0)
                    {
                        centres[j] = sums[j] / counts[j];
                    }
                }
            }

            for (var i = 0; i < _x.Length; i++)
            {
                _r[i * _k + assignment[i]] = 1;
            }
        }

        /// <summary>The variational M-step: posterior parameters from the current responsibilities.</summary>
        public void UpdateParameters()
        {
            var sums = new double[_k];
            Array.Clear(_count);
            for (var i = 0; i < _x.Length; i++)
            {
                for (var j = 0; j < _k; j++)
                {
                    _count[j] += _r[i * _k + j];
                    sums[j] += _r[i * _k + j] * _x[i];
                }
            }

            var centre = new double[_k];
            for (var j = 0; j < _k; j++)
            {
                _count[j] += 10 * double.Epsilon + 1e-10;
                centre[j] = sums[j] / _count[j];
            }

            var spread = new double[_k];
            for (var i = 0; i < _x.Length; i++)
            {
                for (var j = 0; j < _k; j++)
                {
                    var d = _x[i] - centre[j];
                    spread[j] += _r[i * _k + j] * d * d;
                }
            }

            var tail = 0.0;
            for (var j = _k - 1; j >= 0; j--)
            {
                _stickA[j] = 1 + _count[j];
                _stickB[j] = _concentration + tail;
                tail += _count[j];
            }

            for (var j = 0; j < _k; j++)
            {
                _beta[j] = PriorBeta + _count[j];
                _mean[j] = (PriorBeta * _priorMean + _count[j] * centre[j]) / _beta[j];
                _nu[j] = PriorNu + _count[j];
                var offset = centre[j] - _priorMean;
                _scale[j] = _priorScale + spread[j] + PriorBeta * _count[j] / _beta[j] * offset * offset;
            }
        }

        /// <summary>The variational E-step: responsibilities from expected log weights and likelihoods.</summary>
        public void UpdateResponsibilities()
        {
            var logWeight = ExpectedLogWeights();
            var logPrecision = new double[_k];
            for (var j = 0; j < _k; j++)
            {
                // Precision ~ Gamma(ν/2, rate ψ/2), so E[log λ] = ψ(ν/2) + log 2 − log ψ.
                logPrecision[j] = Digamma(_nu[j] / 2) + Math.Log(2) - Math.Log(_scale[j]);
            }

            var row = new double[_k];
            for (var i = 0; i < _x.Length; i++)
            {
                var max = double.NegativeInfinity;
                for (var j = 0; j < _k; j++)
                {
                    var d = _x[i] - _mean[j];
                    row[j] = logWeight[j] + 0.5 * logPrecision[j]
                        - 0.5 * (1 / _beta[j] + _nu[j] / _scale[j] * d * d);
                    max = Math.Max(max, row[j]);
                }

                var total = 0.0;
                for (var j = 0; j < _k; j++)
                {
                    row[j] = Math.Exp(row[j] - max);
                    total += row[j];
                }

                for (var j = 0; j < _k; j++)
                {
                    _r[i * _k + j] = Math.Max(row[j] / total, ResponsibilityFloor);
                }
            }
        }

        double[] ExpectedLogWeights()
        {
            var result = new double[_k];
            var carried = 0.0;
            for (var j = 0; j < _k; j++)
            {
                var both = Digamma(_stickA[j] + _stickB[j]);
                result[j] = Digamma(_stickA[j]) - both + carried;
                carried += Digamma(_stickB[j]) - both;
            }

            return result;
        }

        public double[] ExpectedWeights()
        {
            var weights = new double[_k];
            var remaining = 1.0;
            for (var j = 0; j < _k; j++)
            {
                var stick = _stickA[j] / (_stickA[j] + _stickB[j]);
                weights[j] = remaining * stick;
                remaining *= 1 - stick;
            }

            var total = weights.Sum();
            for (var j = 0; j < _k; j++)
            {
                weights[j] /= total;
            }

            return weights;
        }

        public GaussianMixture ToMixture()
        {
            var deviations = new double[_k];
            for (var j = 0; j < _k; j++)
            {
                deviations[j] = Math.Sqrt(_scale[j] / _nu[j]);
            }

            return new GaussianMixture(ExpectedWeights(), (double[])_mean.Clone(), deviations);
        }
    }
}
