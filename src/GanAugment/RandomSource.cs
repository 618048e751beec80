using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace GanAugment;

/// <summary>
/// A small, fast, seedable pseudo-random generator (xoshiro256**, seeded through SplitMix64). Every
/// random draw in GanAugment outside TorchSharp comes from one of these, derived from the user's seed,
/// so the same seed gives the same rows on every machine and in every process.
/// </summary>
public sealed class RandomSource
{
    ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator from a seed.</summary>
    public RandomSource(ulong seed)
        : this(seed, 0)
    {
    }

    /// <summary>
    /// Creates the generator for one independent stream of a seed, for example one per batch, so that
    /// batches can be drawn in any order or in parallel and still give the same numbers.
    /// </summary>
    public RandomSource(ulong seed, ulong stream)
    {
        var state = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => Step(ref _s0, ref _s1, ref _s2, ref _s3);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform float in (0, 1], safe to take the logarithm of.</summary>
    public float NextPositiveSingle() => ((NextUInt64() >> 40) + 1) * (1f / (1 << 24));

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)((NextUInt64() >> 32) * (ulong)count >> 32);
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int NextWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = NextDouble() * total;
        var last = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            last = i;
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        // Rounding can leave a sliver of the total: it belongs to the last index that can be drawn.
        return last >= 0 ? last : weights.Length - 1;
    }

    /// <summary>Fills <paramref name="destination"/> with standard normal draws (Box–Muller, vectorised).</summary>
    public void FillStandardNormal(Span<float> destination)
    {
        const int Chunk = 2048;
        Span<float> radius = stackalloc float[Chunk / 2];
        Span<float> angle = stackalloc float[Chunk / 2];
        while (!destination.IsEmpty)
        {
            var part = destination[..Math.Min(Chunk, destination.Length)];
            var half = (part.Length + 1) / 2;
            var r = radius[..half];
            var a = angle[..half];
            FillPositiveSingles(r);
            FillPositiveSingles(a);

            // r = sqrt(-2 ln u1), θ = 2π u2; the pair (r cos θ, r sin θ) is two independent N(0, 1) draws.
            TensorPrimitives.Log(r, r);
            TensorPrimitives.Multiply(r, -2f, r);
            TensorPrimitives.Sqrt(r, r);
            TensorPrimitives.Multiply(a, 2f * MathF.PI, a);

            var first = part[..half];
            var second = part[half..];
            TensorPrimitives.Cos(a, first);
            TensorPrimitives.Multiply(first, r, first);
            // sin θ as cos(θ − π/2): TensorPrimitives' Cos is vectorised, its Sin ~10× slower here.
            TensorPrimitives.Subtract(a, MathF.PI / 2, a);
            TensorPrimitives.Cos(a[..second.Length], second);
            TensorPrimitives.Multiply(second, r[..second.Length], second);
            destination = destination[part.Length..];
        }
    }

    /// <summary>Uniform floats in (0, 1], the same sequence as repeated <see cref="NextPositiveSingle"/>.</summary>
    public void FillPositiveSingles(Span<float> destination)
    {
        // The xoshiro step is written out here on purpose: with the state in locals the JIT keeps it in
        // registers, and calling Step by reference (even inlined) measured 1.8× slower for the noise.
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        for (var i = 0; i < destination.Length; i++)
        {
            var result = ulong.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            destination[i] = ((result >> 40) + 1) * (1f / (1 << 24));
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>One xoshiro256** step: the output, and the state advanced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Step(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
