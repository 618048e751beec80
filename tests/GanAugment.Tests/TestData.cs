namespace GanAugment.Tests;

/// <summary>Paths of the bundled datasets, copied next to the test assembly.</summary>
internal static class TestData
{
    public static string Dataset(string name) => Path.Combine(AppContext.BaseDirectory, "datasets", name + ".csv");

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gan-augment-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
