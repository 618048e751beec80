using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanAugment.Training.Modules;

/// <summary>
/// CTGAN's residual generator: noise and conditional vector in, raw (pre-activation) encoded row out.
/// </summary>
public sealed class TabularGenerator : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<ResidualBlock> _blocks = new();
    readonly Linear _output;

    /// <summary>Creates the generator.</summary>
    /// <param name="inputWidth">Noise width plus conditional-vector width.</param>
    /// <param name="hiddenWidths">The output width of each residual block.</param>
    /// <param name="outputWidth">The encoded row's width.</param>
    public TabularGenerator(int inputWidth, IReadOnlyList<int> hiddenWidths, int outputWidth)
        : base(nameof(TabularGenerator))
    {
        var width = inputWidth;
        foreach (var hidden in hiddenWidths)
        {
            _blocks.Add(new ResidualBlock(width, hidden));
            width += hidden;
        }

        _output = nn.Linear(width, outputWidth);
        RegisterComponents();
    }

    /// <summary>The residual blocks, in order.</summary>
    public IReadOnlyList<ResidualBlock> Blocks => _blocks.ToList();

    /// <summary>The final linear layer.</summary>
    public Linear Output => _output;

    /// <summary>[rows, noise + condition] → [rows, encoded width].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var block in _blocks)
        {
            x = block.forward(x);
        }

        return _output.forward(x).MoveToOuterDisposeScope();
    }
}
