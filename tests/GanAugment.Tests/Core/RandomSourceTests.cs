namespace GanAugment.Tests.Core;

public sealed class RandomSourceTests
{
    [Fact]
    public void The_same_seed_and_stream_give_the_same_sequence()
    {
        var first = new RandomSource(2024, 3);
        var second = new RandomSource(2024, 3);

        var a = Enumerable.Range(0, 1000).Select(_ => first.NextUInt64()).ToArray();
        var b = Enumerable.Range(0, 1000).Select(_ => second.NextUInt64()).ToArray();

        Assert.Equal(a, b);
    }

    [Fact]
    public void A_seed_alone_is_stream_zero_of_that_seed()
    {
        var plain = new RandomSource(99);
        var streamZero = new RandomSource(99, 0);

        var a = Enumerable.Range(0, 100).Select(_ => plain.NextUInt64()).ToArray();
        var b = Enumerable.Range(0, 100).Select(_ => streamZero.NextUInt64()).ToArray();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Different_streams_and_different_seeds_give_different_sequences()
    {
        var baseline = Draw(new RandomSource(2024, 0));
        var otherStream = Draw(new RandomSource(2024, 1));
        var otherSeed = Draw(new RandomSource(2025, 0));

        // 64-bit draws of independent streams agree at a position with probability 2^-64.
        Assert.Equal(0, baseline.Zip(otherStream).Count(p => p.First == p.Second));
        Assert.Equal(0, baseline.Zip(otherSeed).Count(p => p.First == p.Second));
    }

    [Fact]
    public void Standard_normal_draws_have_mean_zero_variance_one_and_normal_tails()
    {
        var random = new RandomSource(7);
        var draws = new float[200_000];

        random.FillStandardNormal(draws);

        var mean = draws.Average(v => (double)v);
        var variance = draws.Average(v => (v - mean) * (v - mean));
        var beyond196 = draws.Count(v => Math.Abs(v) > 1.96) / (double)draws.Length;

        // Standard errors at n = 200k: mean 0.0022, variance 0.0032, tail fraction 0.0005.
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 1 - 0.02, 1 + 0.02);
        Assert.InRange(beyond196, 0.05 - 0.003, 0.05 + 0.003);
    }

    [Fact]
    public void Filling_a_length_that_spans_chunks_and_ends_odd_writes_every_slot()
    {
        var random = new RandomSource(11);
        var draws = new float[2048 * 2 + 1];
        Array.Fill(draws, float.NaN);

        random.FillStandardNormal(draws);

        Assert.All(draws, v => Assert.True(float.IsFinite(v), $"draw {v} is not finite"));
    }

    [Fact]
    public void Weighted_draws_follow_the_weights()
    {
        var random = new RandomSource(5);
        double[] weights = [1, 2, 3, 4];
        var counts = new int[weights.Length];
        const int Draws = 100_000;

        for (var i = 0; i < Draws; i++)
        {
            counts[random.NextWeighted(weights)]++;
        }

        // Standard error of each frequency is at most sqrt(0.24 / 100k) = 0.0015; tolerance 0.01.
        for (var i = 0; i < weights.Length; i++)
        {
            Assert.InRange(counts[i] / (double)Draws, weights[i] / 10 - 0.01, weights[i] / 10 + 0.01);
        }
    }

    [Fact]
    public void A_zero_weight_is_never_drawn()
    {
        var random = new RandomSource(13);
        double[] weights = [0, 1, 0, 3];
        var counts = new int[weights.Length];

        for (var i = 0; i < 20_000; i++)
        {
            counts[random.NextWeighted(weights)]++;
        }

        Assert.Equal(0, counts[0]);
        Assert.Equal(0, counts[2]);
        Assert.InRange(counts[3] / 20_000.0, 0.75 - 0.02, 0.75 + 0.02);
    }

    [Fact]
    public void Uniform_doubles_and_integers_stay_in_range_and_fill_it_evenly()
    {
        var random = new RandomSource(17);
        var buckets = new int[6];
        var smallest = double.MaxValue;
        var largest = double.MinValue;

        for (var i = 0; i < 60_000; i++)
        {
            var u = random.NextDouble();
            smallest = Math.Min(smallest, u);
            largest = Math.Max(largest, u);
            buckets[random.NextInt(6)]++;
        }

        Assert.InRange(smallest, 0.0, 0.001);
        Assert.InRange(largest, 0.999, 1.0);
        Assert.True(largest < 1.0, "NextDouble must stay below 1");

        // Each bucket expects 10,000 with a standard deviation of about 91; tolerance 500.
        Assert.All(buckets, count => Assert.InRange(count, 10_000 - 500, 10_000 + 500));
    }

    static ulong[] Draw(RandomSource random) => Enumerable.Range(0, 1000).Select(_ => random.NextUInt64()).ToArray();
}
