using TorchSharp;
using static TorchSharp.torch;

namespace GanAugment.Training.Modules;

/// <summary>
/// Inverted dropout that draws its mask from a given <see cref="Generator"/>. TorchSharp's own dropout
/// uses the global generator, which would tie results to anything else drawing from it.
/// </summary>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    readonly double _probability;
    readonly Generator _generator;
    readonly Scalar _threshold;
    readonly Scalar _scale;

    /// <summary>Creates the layer; <paramref name="probability"/> is the chance of zeroing a unit.</summary>
    public SeededDropout(double probability, Generator generator)
        : base(nameof(SeededDropout))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(probability, 1);
        _probability = probability;
        _generator = generator;
        _threshold = probability.ToScalar();
        _scale = (1 / (1 - probability)).ToScalar();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || _probability == 0)
        {
            return input.alias();
        }

        // Scalars are fields, not temporaries: see Scalars for why.
        using var keep = rand(input.shape, device: input.device, generator: _generator).ge_(_threshold);
        return input.mul(keep.to_type(input.dtype)).mul(_scale);
    }
}
