namespace GanAugment.Sampling;

/// <summary>A request that every synthetic row has <see cref="Value"/> in <see cref="Column"/>.</summary>
/// <param name="Column">A categorical or boolean column, or the label.</param>
/// <param name="Value">One of that column's categories, as written in the source.</param>
public sealed record SamplingCondition(string Column, string Value)
{
    /// <summary>Parses <c>COLUMN=VALUE</c>.</summary>
    /// <exception cref="FormatException">The text has no '=' or an empty column name.</exception>
    public static SamplingCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException($"Condition '{text}' is not of the form COLUMN=VALUE.");
        }

        return new SamplingCondition(text[..equals], text[(equals + 1)..]);
    }
}
