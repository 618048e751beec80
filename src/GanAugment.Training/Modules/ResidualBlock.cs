using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanAugment.Training.Modules;

/// <summary>
/// CTGAN's generator block: Linear → BatchNorm → ReLU, with the block's input concatenated to its output,
/// so the width grows by <c>outputWidth</c> per block and later layers still see the noise directly.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    readonly Linear _linear;
    readonly BatchNorm1d _norm;

    /// <summary>Creates a block reading <paramref name="inputWidth"/> features.</summary>
    public ResidualBlock(int inputWidth, int outputWidth)
        : base(nameof(ResidualBlock))
    {
        _linear = nn.Linear(inputWidth, outputWidth);
        _norm = nn.BatchNorm1d(outputWidth);
        RegisterComponents();
    }

    /// <summary>The linear layer.</summary>
    public Linear Linear => _linear;

    /// <summary>The batch normalisation layer.</summary>
    public BatchNorm1d Norm => _norm;

    /// <summary>[rows, in] → [rows, out + in].</summary>
    public override Tensor forward(Tensor input)
    {
        using var hidden = nn.functional.relu(_norm.forward(_linear.forward(input)));
        return cat([hidden, input], 1);
    }
}
