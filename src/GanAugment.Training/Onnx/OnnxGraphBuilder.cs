using Google.Protobuf;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanAugment.Training.Onnx;

/// <summary>
/// Builds an ONNX graph node by node from trained TorchSharp layers (TorchSharp has no exporter).
/// Every tensor is two-dimensional, [rows, features], with a symbolic row count.
/// </summary>
/// <remarks>
/// Weights are stored as raw little-endian floats. Opset 17 and IR version 8 are read by every ONNX
/// Runtime from 1.13 on. Each layer kind has a parity test against TorchSharp's evaluation-mode forward.
/// </remarks>
public sealed class OnnxGraphBuilder
{
    /// <summary>The operator set the graph targets.</summary>
    public const int Opset = 17;

    const string RowsDimension = "rows";

    readonly GraphProto _graph = new() { Name = "generator" };
    int _next;

    /// <summary>Declares a float input of shape [rows, <paramref name="width"/>] and returns its name.</summary>
    public string Input(string name, int width)
    {
        _graph.Input.Add(ValueInfo(name, width));
        return name;
    }

    /// <summary>Declares <paramref name="value"/> as an output called <paramref name="name"/>.</summary>
    public void Output(string value, string name, int width)
    {
        if (value != name)
        {
            AddNode("Identity", [value], name);
        }

        _graph.Output.Add(ValueInfo(name, width));
    }

    /// <summary>A fully connected layer: y = x Wᵀ + b, as one Gemm.</summary>
    public string Linear(string input, Linear layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var weight = Initializer("weight", layer.weight!);
        var inputs = layer.bias is null ? new[] { input, weight } : [input, weight, Initializer("bias", layer.bias)];
        return AddNode("Gemm", inputs, attributes: [Int("transB", 1)]);
    }

    /// <summary>Batch normalisation with the running statistics (evaluation mode).</summary>
    public string BatchNorm(string input, BatchNorm1d layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var features = layer.running_mean!.shape[0];
        using var ones = torch.ones(features);
        using var zeros = torch.zeros(features);
        string[] inputs =
        [
            input,
            Initializer("scale", layer.weight ?? ones),
            Initializer("bias", layer.bias ?? zeros),
            Initializer("mean", layer.running_mean),
            Initializer("variance", layer.running_var!),
        ];
        return AddNode("BatchNormalization", inputs, attributes: [Float("epsilon", (float)layer.eps)]);
    }

    /// <summary>max(x, 0).</summary>
    public string Relu(string input) => AddNode("Relu", [input]);

    /// <summary>Concatenation along the feature axis.</summary>
    public string Concat(params string[] inputs) => AddNode("Concat", inputs, attributes: [Int("axis", 1)]);

    /// <summary>The finished model's bytes.</summary>
    public byte[] ToBytes(string producerVersion)
    {
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "GanAugment",
            ProducerVersion = producerVersion,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model.ToByteArray();
    }

    string AddNode(string operation, string[] inputs, string? output = null, AttributeProto[]? attributes = null)
    {
        output ??= $"{operation.ToLowerInvariant()}_{_next++}";
        var node = new NodeProto { OpType = operation, Name = $"{operation}_{_next++}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        if (attributes is not null)
        {
            node.Attribute.AddRange(attributes);
        }

        _graph.Node.Add(node);
        return output;
    }

    string Initializer(string role, Tensor value)
    {
        var name = $"{role}_{_next++}";
        using var cpu = value.detach().to(CPU).to_type(ScalarType.Float32).contiguous();
        var data = cpu.data<float>().ToArray();
        var bytes = new byte[data.Length * sizeof(float)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        var proto = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(bytes),
        };
        proto.Dims.AddRange(cpu.shape);
        _graph.Initializer.Add(proto);
        return name;
    }

    static ValueInfoProto ValueInfo(string name, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = RowsDimension });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor
                {
                    ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape,
                },
            },
        };
    }

    static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
