namespace GanAugment.ML.Data;

/// <summary>Schema errors worded as ML.NET words its own.</summary>
internal static class SchemaErrors
{
    public static ArgumentOutOfRangeException Missing(string column) =>
        new("inputSchema", $"Could not find input column '{column}'");

    public static ArgumentOutOfRangeException Mismatch(string column, string expected, string actual) =>
        new("inputSchema", $"Schema mismatch for input column '{column}': expected {expected}, got {actual}");
}
