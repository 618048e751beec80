namespace GanAugment.Packaging;

/// <summary>
/// A model package is unreadable, corrupt, tampered with, or of a format this build does not read.
/// Nothing from such a package is used.
/// </summary>
public sealed class ModelPackageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelPackageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public ModelPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
