using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanAugment.Training.Modules;

/// <summary>The layer stack CTGAN's critic uses, shared by our critic and auxiliary classifier.</summary>
internal static class LeakyLayers
{
    /// <summary>
    /// Appends (Linear, LeakyReLU, dropout) per hidden width to <paramref name="layers"/>, then a Linear head of
    /// <paramref name="outputWidth"/> units.
    /// </summary>
    public static void Build(
        ModuleList<nn.Module<Tensor, Tensor>> layers, int inputWidth, IReadOnlyList<int> hiddenWidths,
        double leakySlope, double dropout, Generator generator, int outputWidth)
    {
        var width = inputWidth;
        foreach (var hidden in hiddenWidths)
        {
            layers.Add(nn.Linear(width, hidden));
            layers.Add(nn.LeakyReLU(leakySlope));
            layers.Add(new SeededDropout(dropout, generator));
            width = hidden;
        }

        layers.Add(nn.Linear(width, outputWidth));
    }
}
