namespace GanAugment.Encoding;

/// <summary>Real rows in the generator's space, ready for training.</summary>
/// <param name="Data">The encoded rows, row-major, <see cref="Rows"/> × <see cref="Width"/>.</param>
/// <param name="Rows">The number of rows (rows with a missing label are left out).</param>
/// <param name="Width">The width of an encoded row.</param>
/// <param name="Labels">The class of each row, or null when there is no label.</param>
/// <param name="ConditionCodes">
/// For each conditional column (in <see cref="TableEncoding.ConditionalColumns"/> order), each row's
/// category slot.
/// </param>
public sealed record EncodedTable(float[] Data, int Rows, int Width, int[]? Labels, int[][] ConditionCodes);
