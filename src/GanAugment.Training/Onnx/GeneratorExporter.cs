using GanAugment.Packaging;
using GanAugment.Training.Modules;

namespace GanAugment.Training.Onnx;

/// <summary>Writes a trained <see cref="TabularGenerator"/> as an ONNX graph with the package's signature.</summary>
public static class GeneratorExporter
{
    /// <summary>
    /// Exports <paramref name="generator"/> (its evaluation-mode forward pass): inputs
    /// <see cref="GeneratorSignature.NoiseInput"/> and, when <paramref name="conditionWidth"/> is positive,
    /// <see cref="GeneratorSignature.ConditionInput"/>; output <see cref="GeneratorSignature.Output"/>.
    /// </summary>
    public static byte[] Export(TabularGenerator generator, int noiseWidth, int conditionWidth)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var graph = new OnnxGraphBuilder();
        var x = graph.Input(GeneratorSignature.NoiseInput, noiseWidth);
        if (conditionWidth > 0)
        {
            x = graph.Concat(x, graph.Input(GeneratorSignature.ConditionInput, conditionWidth));
        }

        foreach (var block in generator.Blocks)
        {
            var hidden = graph.Relu(graph.BatchNorm(graph.Linear(x, block.Linear), block.Norm));
            x = graph.Concat(hidden, x);
        }

        var output = graph.Linear(x, generator.Output);
        graph.Output(output, GeneratorSignature.Output, (int)generator.Output.weight!.shape[0]);
        return graph.ToBytes(typeof(GeneratorExporter).Assembly.GetName().Version?.ToString() ?? "0");
    }
}
