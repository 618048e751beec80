namespace GanAugment.Oversampling;

/// <summary>
/// One class that an oversampler was asked to grow: its name, the real rows that carry it (in table
/// order), how many synthetic rows to make, and the random stream that feeds them.
/// </summary>
/// <param name="Name">
/// The class as the caller names it: the label's category, or an integer label's value.
/// </param>
/// <param name="Rows">The positions of the class's real rows, ascending.</param>
/// <param name="ExtraRows">How many synthetic rows to make for the class.</param>
/// <param name="Stream">
/// The class's position among all classes of the label; each class draws from its own stream of the seed,
/// so asking for more rows of one class never changes the rows made for another.
/// </param>
internal sealed record ClassRows(string Name, int[] Rows, int ExtraRows, ulong Stream);
