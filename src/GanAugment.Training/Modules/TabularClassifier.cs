using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanAugment.Training.Modules;

/// <summary>
/// The auxiliary classifier (ACGAN style, Odena et al. 2017): predicts the label from an encoded row. It
/// learns from real rows only; the generator is then penalised when a row generated for class c is not
/// recognised as c, which makes synthetic rows carry their class.
/// </summary>
public sealed class TabularClassifier : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> _layers = new();

    /// <summary>Creates the classifier for rows of <paramref name="rowWidth"/> features.</summary>
    public TabularClassifier(
        int rowWidth, int classes, IReadOnlyList<int> hiddenWidths, double leakySlope, double dropout,
        Generator generator)
        : base(nameof(TabularClassifier))
    {
        LeakyLayers.Build(_layers, rowWidth, hiddenWidths, leakySlope, dropout, generator, outputWidth: classes);
        RegisterComponents();
    }

    /// <summary>[rows, row width] → [rows, classes] logits.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.forward(x);
        }

        return x.MoveToOuterDisposeScope();
    }
}
