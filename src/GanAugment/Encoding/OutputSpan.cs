namespace GanAugment.Encoding;

/// <summary>How the generator's raw outputs in one span become values.</summary>
public enum SpanActivation
{
    /// <summary>One scalar squashed by tanh: a numeric column's position within its mode.</summary>
    Tanh,

    /// <summary>A group of logits from which one slot is drawn: a mode, a category or "missing".</summary>
    Softmax,
}

/// <summary>What a span of the encoded row holds.</summary>
public enum SpanRole
{
    /// <summary>The scaled value of a numeric column within its mode.</summary>
    Value,

    /// <summary>The one-hot mode of a numeric column.</summary>
    Mode,

    /// <summary>Present (slot 0) or missing (slot 1), for a numeric column with missing values.</summary>
    Presence,

    /// <summary>The one-hot category of a categorical or boolean column, missing included.</summary>
    Category,
}

/// <summary>A contiguous group of columns in the encoded row.</summary>
/// <param name="Start">The first position.</param>
/// <param name="Length">The number of positions.</param>
/// <param name="Activation">How raw generator outputs are turned into values.</param>
/// <param name="Role">What the span holds.</param>
/// <param name="Column">The index of the source column in <see cref="TableEncoding.Columns"/>.</param>
public readonly record struct OutputSpan(int Start, int Length, SpanActivation Activation, SpanRole Role, int Column);
