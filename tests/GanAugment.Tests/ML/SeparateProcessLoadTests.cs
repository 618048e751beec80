using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.Tests.ML;

/// <summary>
/// A model fitted with augmentation is a plain ML.NET model: another process without GanAugment loads it.
/// </summary>
public sealed class SeparateProcessLoadTests
{
    [Fact]
    public void A_process_without_GanAugment_loads_the_saved_model_and_gets_identical_scores()
    {
        var context = new MLContext(seed: 1);
        var data = MlData.BreastCancer(context);
        var model = MlData.FitAugmentedFastTree(context, data);
        var folder = TestData.NewTempFolder();
        var path = Path.Combine(folder, "model.zip");
        context.Model.Save(model, data.Schema, path);
        var expected = model.Transform(data).GetColumn<float>("Score").ToArray();

        var output = RunLoadCheck(path, TestData.Dataset("breast_cancer"));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var scores = lines.Where(l => !l.StartsWith("assembly ", StringComparison.Ordinal))
            .Select(l => float.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, scores);
        Assert.Contains(lines, l => l.StartsWith("assembly Microsoft.ML", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("GanAugment", StringComparison.Ordinal));
        Directory.Delete(folder, recursive: true);
    }

    static string RunLoadCheck(string model, string data)
    {
        var program = LocateLoadCheck();
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { program, model, data },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the load check did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"the load check failed: {error.Result}");
        return output.Result;
    }

    /// <summary>tests/ModelLoadCheck's build output for this test run's configuration.</summary>
    static string LocateLoadCheck()
    {
        // .../tests/GanAugment.Tests/bin/{configuration}/{framework}/{runtime}/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Parent!;
        var configuration = framework.Parent!;
        var tests = configuration.Parent!.Parent!.Parent!;
        var program = Path.Combine(tests.FullName, "ModelLoadCheck", "bin", configuration.Name, framework.Name,
            "ModelLoadCheck.dll");
        Assert.True(File.Exists(program), $"ModelLoadCheck was not built at {program}");
        return program;
    }
}
