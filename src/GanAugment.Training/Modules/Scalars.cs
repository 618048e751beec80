using TorchSharp;
using static TorchSharp.torch;

namespace GanAugment.Training.Modules;

/// <summary>
/// Scalar arithmetic on tensors with <see cref="Scalar"/> objects that stay alive for the whole call.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns the numbers in <c>tensor + 1e-20</c>, <c>a + b</c> (its hidden alpha of 1) or
/// <c>tensor * 0.5</c> into temporary <see cref="Scalar"/> objects and passes only their native handles on,
/// so the garbage collector may finalise a scalar while libtorch still reads it. In long training runs this
/// crashed with "Unknown scalar type". Every constant here is created once and held, and the hidden alpha
/// is always <see cref="One"/>.
/// </remarks>
internal static class Scalars
{
    /// <summary>The scalar 1, kept for the life of the process.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a − b (TorchSharp's sub takes no alpha, so no temporary scalar is made).</summary>
    public static Tensor Minus(this Tensor a, Tensor b) => a.sub(b);

    /// <summary>a + s, for a scalar the caller keeps alive.</summary>
    public static Tensor Plus(this Tensor a, Scalar s) => a.add(s, One);
}
