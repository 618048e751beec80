using GanAugment.Training.Modules;
using GanAugment.Training.Onnx;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanAugment.Tests.Training;

/// <summary>
/// Our ONNX writer against TorchSharp: for every layer kind it emits, and for a whole generator, ONNX
/// Runtime's output must equal TorchSharp's evaluation-mode forward pass within 1e-5 on random inputs.
/// </summary>
public sealed class OnnxParityTests(ITestOutputHelper output)
{
    const double Tolerance = 1e-5;
    const int Rows = 64;

    [Fact]
    public void Linear_layer_matches_TorchSharp()
    {
        using var generator = new Generator(1);
        using var layer = nn.Linear(20, 12);
        Randomise(layer, generator);
        var graph = new OnnxGraphBuilder();
        graph.Output(graph.Linear(graph.Input("x", 20), layer), "y", 12);

        AssertParity("Gemm (Linear)", graph, 20, 12, x => layer.forward(x), generator);
    }

    [Fact]
    public void Batch_normalisation_with_running_statistics_matches_TorchSharp()
    {
        using var generator = new Generator(2);
        using var layer = nn.BatchNorm1d(16);
        Randomise(layer, generator);
        layer.eval();
        var graph = new OnnxGraphBuilder();
        graph.Output(graph.BatchNorm(graph.Input("x", 16), layer), "y", 16);

        AssertParity("BatchNormalization", graph, 16, 16, x => layer.forward(x), generator);
    }

    [Fact]
    public void Relu_matches_TorchSharp()
    {
        using var generator = new Generator(3);
        var graph = new OnnxGraphBuilder();
        graph.Output(graph.Relu(graph.Input("x", 9)), "y", 9);

        AssertParity("Relu", graph, 9, 9, x => nn.functional.relu(x), generator);
    }

    [Fact]
    public void Concatenation_matches_TorchSharp()
    {
        using var generator = new Generator(4);
        var graph = new OnnxGraphBuilder();
        var x = graph.Input("x", 7);
        graph.Output(graph.Concat(graph.Relu(x), x), "y", 14);

        AssertParity("Concat", graph, 7, 14, t => cat([nn.functional.relu(t), t], 1), generator);
    }

    [Fact]
    public void Whole_generator_with_noise_and_condition_inputs_matches_TorchSharp()
    {
        using var generator = new Generator(5);
        const int noise = 32, condition = 6, outputWidth = 23;
        using var model = new TabularGenerator(noise + condition, [48, 40], outputWidth);
        Randomise(model, generator);
        model.eval();
        var bytes = GeneratorExporter.Export(model, noise, condition);

        using var session = new InferenceSession(bytes);
        using var noiseInput = randn(Rows, noise, generator: generator);
        using var conditionInput = randn(Rows, condition, generator: generator).gt(0).to_type(ScalarType.Float32);
        using var expected = model.forward(cat([noiseInput, conditionInput], 1));
        using var noiseValue = OrtValue.CreateTensorValueFromMemory(noiseInput.data<float>().ToArray(), [Rows, noise]);
        using var conditionValue = OrtValue.CreateTensorValueFromMemory(
            conditionInput.data<float>().ToArray(), [Rows, condition]);
        using var results = session.Run(
            new RunOptions(), ["noise", "condition"], [noiseValue, conditionValue], ["output"]);
        var actual = results[0].GetTensorDataAsSpan<float>().ToArray();

        var difference = MaxAbsoluteDifference(expected.data<float>().ToArray(), actual);
        output.WriteLine($"whole generator: max |ONNX Runtime − TorchSharp| = {difference:E2}");
        Assert.True(difference <= Tolerance, $"max difference {difference} exceeds {Tolerance}");
    }

    void AssertParity(string kind, OnnxGraphBuilder graph, int inputWidth, int outputWidth,
        Func<Tensor, Tensor> forward, Generator generator)
    {
        using var session = new InferenceSession(graph.ToBytes("test"));
        using var input = randn(Rows, inputWidth, generator: generator) * 3;
        using var expected = forward(input);
        using var value = OrtValue.CreateTensorValueFromMemory(input.data<float>().ToArray(), [Rows, inputWidth]);
        using var results = session.Run(new RunOptions(), ["x"], [value], ["y"]);
        var actual = results[0].GetTensorDataAsSpan<float>().ToArray();

        Assert.Equal(Rows * outputWidth, actual.Length);
        var difference = MaxAbsoluteDifference(expected.data<float>().ToArray(), actual);
        output.WriteLine($"{kind}: max |ONNX Runtime − TorchSharp| = {difference:E2}");
        Assert.True(difference <= Tolerance, $"{kind}: max difference {difference} exceeds {Tolerance}");
    }

    /// <summary>Random weights and, for batch norms, non-trivial running statistics.</summary>
    static void Randomise(nn.Module module, Generator generator)
    {
        using var guard = no_grad();
        foreach (var (_, parameter) in module.named_parameters())
        {
            parameter.copy_(randn(parameter.shape, generator: generator) * 0.5);
        }

        foreach (var norm in module.modules().OfType<TorchSharp.Modules.BatchNorm1d>())
        {
            norm.running_mean!.copy_(randn(norm.running_mean.shape, generator: generator));
            norm.running_var!.copy_(rand(norm.running_var.shape, generator: generator) * 2 + 0.1);
        }
    }

    static double MaxAbsoluteDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            max = Math.Max(max, Math.Abs(expected[i] - actual[i]));
        }

        return max;
    }
}
