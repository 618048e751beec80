using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanAugment.Training.Modules;

/// <summary>
/// The critic of the WGAN-GP objective, PacGAN style: it scores packs of <c>pacSize</c> rows
/// (each an encoded row followed by its conditional vector) jointly, which penalises mode collapse
/// (Lin et al. 2018). Layers: (Linear, LeakyReLU 0.2, dropout) per hidden width, then Linear to one score.
/// </summary>
public sealed class TabularDiscriminator : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> _layers = new();
    readonly int _packWidth;

    /// <summary>Creates the critic for rows of <paramref name="rowWidth"/> features.</summary>
    public TabularDiscriminator(
        int rowWidth, int pacSize, IReadOnlyList<int> hiddenWidths, double leakySlope, double dropout,
        Generator generator)
        : base(nameof(TabularDiscriminator))
    {
        _packWidth = rowWidth * pacSize;
        PacSize = pacSize;
        LeakyLayers.Build(_layers, _packWidth, hiddenWidths, leakySlope, dropout, generator, outputWidth: 1);
        RegisterComponents();
    }

    /// <summary>Rows scored together.</summary>
    public int PacSize { get; }

    /// <summary>[rows, row width] with rows a multiple of the pac size → [rows / pac, 1].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.reshape(-1, _packWidth);
        foreach (var layer in _layers)
        {
            x = layer.forward(x);
        }

        return x.MoveToOuterDisposeScope();
    }
}
