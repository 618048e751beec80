using GanAugment.Tabular;

namespace GanAugment.ML;

/// <summary>How many synthetic rows each class gets.</summary>
internal static class ClassBudget
{
    /// <summary>
    /// Synthetic rows per class, in category order. Explicit counts win; otherwise round(ratio × real rows)
    /// are shared out, either to the smallest classes first (raising them towards a common level, so balanced
    /// data grows evenly) or in proportion to the classes' sizes.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Plan(TableColumn label, GanAugmentationOptions options)
    {
        var classes = label.Categories;
        var sizes = new int[classes.Count];
        foreach (var code in label.Codes!)
        {
            if (code >= 0)
            {
                sizes[code]++;
            }
        }

        if (options.RowsPerClass is { } explicitCounts)
        {
            foreach (var (name, count) in explicitCounts)
            {
                if (!classes.Contains(name))
                {
                    throw new ArgumentException(
                        $"RowsPerClass names the class '{name}', which label column '{label.Name}' does not have. " +
                        $"Its classes are: {string.Join(", ", classes)}.", nameof(options));
                }

                if (count < 0)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(options), $"RowsPerClass['{name}'] is {count}; it must be 0 or more.");
                }
            }

            return classes.Select(c => KeyValuePair.Create(c, explicitCounts.GetValueOrDefault(c))).ToArray();
        }

        if (options.SyntheticRatio < 0 || !double.IsFinite(options.SyntheticRatio))
        {
            throw new ArgumentException(
                $"SyntheticRatio is {options.SyntheticRatio}; it must be 0 or more.", nameof(options));
        }

        var present = Enumerable.Range(0, sizes.Length).Where(k => sizes[k] > 0).ToArray();
        var budget = (int)Math.Round(options.SyntheticRatio * sizes.Sum(), MidpointRounding.AwayFromZero);
        var shares = options.BalanceClasses ? FillSmallestFirst(sizes, present, budget) : Proportional(sizes, budget);
        return classes.Select((c, k) => KeyValuePair.Create(c, shares[k])).ToArray();
    }

    static int[] FillSmallestFirst(int[] sizes, int[] present, int budget)
    {
        // Find the level L with Σ max(0, L − n_k) = budget over the classes that occur.
        var sorted = present.Select(k => sizes[k]).Order().ToArray();
        double level = sorted[0], remaining = budget;
        for (var i = 0; i < sorted.Length; i++)
        {
            var next = i + 1 < sorted.Length ? sorted[i + 1] : double.PositiveInfinity;
            var cost = (next - sorted[i]) * (i + 1);
            if (cost >= remaining)
            {
                level = sorted[i] + remaining / (i + 1);
                break;
            }

            remaining -= cost;
        }

        var shares = new int[sizes.Length];
        foreach (var k in present)
        {
            shares[k] = (int)Math.Floor(Math.Max(0, level - sizes[k]));
        }

        // Hand out what rounding down left, smallest classes first.
        var left = budget - shares.Sum();
        foreach (var k in present.OrderBy(k => sizes[k] + shares[k]).ThenBy(k => sizes[k]).ThenBy(k => k))
        {
            if (left-- <= 0)
            {
                break;
            }

            shares[k]++;
        }

        return shares;
    }

    static int[] Proportional(int[] sizes, int budget)
    {
        var total = sizes.Sum();
        var shares = sizes.Select(n => (int)Math.Floor((double)budget * n / total)).ToArray();
        var left = budget - shares.Sum();
        for (var k = 0; left > 0; k = (k + 1) % shares.Length)
        {
            if (sizes[k] > 0)
            {
                shares[k]++;
                left--;
            }
        }

        return shares;
    }
}
