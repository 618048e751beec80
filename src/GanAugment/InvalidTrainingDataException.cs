namespace GanAugment;

/// <summary>
/// The data given for training or evaluation cannot be used as it is. The message names the file,
/// column, line and value where they are known, and what was expected.
/// </summary>
public sealed class InvalidTrainingDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidTrainingDataException(string message, string? column = null, long? line = null)
        : base(message)
    {
        Column = column;
        Line = line;
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public InvalidTrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The column at fault, when one is.</summary>
    public string? Column { get; }

    /// <summary>The 1-based line of the source file at fault, when one is.</summary>
    public long? Line { get; }
}
