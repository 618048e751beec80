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

    /// <summary>Creates the layer; <paramref name="probability"/> is the chance of zeroing a unit.</summary>
    public SeededDropout(double probability, Generator generator)
        : base(nameof(SeededDropout))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(probability, 1);
        _probability = probability;
        _generator = generator;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || _probability == 0)
        {
            return input.alias();
        }

        using var keep = rand(input.shape, device: input.device, generator: _generator).ge_(_probability);
        return input * keep.to_type(input.dtype) / (1 - _probability);
    }
}
