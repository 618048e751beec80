namespace GanAugment.Packaging;

/// <summary>The generator graph's contract: its entry in the package, inputs, output and widths.</summary>
public sealed record GeneratorSignature
{
    /// <summary>The name of the noise input, shaped [rows, <see cref="NoiseWidth"/>].</summary>
    public const string NoiseInput = "noise";

    /// <summary>The name of the conditional-vector input, shaped [rows, <see cref="ConditionWidth"/>].</summary>
    public const string ConditionInput = "condition";

    /// <summary>
    /// The name of the output of raw (pre-activation) values, shaped [rows, <see cref="OutputWidth"/>].
    /// </summary>
    public const string Output = "output";

    /// <summary>The width of the noise input.</summary>
    public required int NoiseWidth { get; init; }

    /// <summary>The width of the conditional vector.</summary>
    public required int ConditionWidth { get; init; }

    /// <summary>The width of the output, equal to the encoder's data width.</summary>
    public required int OutputWidth { get; init; }

    /// <summary>The lower-case hex SHA-256 of the ONNX model's bytes.</summary>
    public required string ModelSha256 { get; init; }
}
