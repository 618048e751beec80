using System.Globalization;

namespace GanAugment.Examples.ScarceLabels;

/// <summary>The example's settings, from <c>--name value</c> arguments.</summary>
internal sealed record ExampleSettings
{
    /// <summary>A bundled dataset name (datasets/NAME.csv) or a CSV path.</summary>
    public string Data { get; init; } = "breast_cancer";

    /// <summary>A separate test file; without it, 30 % of the data is held out per seed.</summary>
    public string? Test { get; init; }

    public string Label { get; init; } = "diagnosis";

    /// <summary>Column names for a file without a header (comma-separated); null when it has one.</summary>
    public string? Columns { get; init; }

    public string[] Missing { get; init; } = [""];

    /// <summary>Labelled rows per class.</summary>
    public int Labelled { get; init; } = 10;

    /// <summary>Synthetic rows per class, as a multiple of the labelled rows per class.</summary>
    public double Ratio { get; init; } = 1;

    public int Seeds { get; init; } = 3;

    public int Epochs { get; init; } = 300;

    /// <summary>lbfgs (logistic regression) and/or fasttree (one-versus-all boosted trees).</summary>
    public string[] Trainers { get; init; } = ["lbfgs"];

    public static ExampleSettings Parse(string[] args)
    {
        var settings = new ExampleSettings();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--data" => settings with { Data = value },
                "--test" => settings with { Test = value },
                "--label" => settings with { Label = value },
                "--columns" => settings with { Columns = value },
                "--missing" => settings with { Missing = ["", value] },
                "--labelled" => settings with { Labelled = int.Parse(value, CultureInfo.InvariantCulture) },
                "--ratio" => settings with { Ratio = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seeds" => settings with { Seeds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--epochs" => settings with { Epochs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--trainers" => settings with { Trainers = value.Split(',') },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return settings;
    }
}
