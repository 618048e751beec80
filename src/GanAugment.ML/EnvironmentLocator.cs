using System.Collections;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanAugment.ML;

/// <summary>
/// Finds the <see cref="IHostEnvironment"/> (the <see cref="MLContext"/>) behind a catalog or estimator, for
/// its seed and log. ML.NET keeps it in non-public members, so this looks through an object's fields (and
/// an estimator chain's estimators); where nothing is found the caller falls back to the options' seed.
/// </summary>
internal static class EnvironmentLocator
{
    const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IHostEnvironment? Find(object? source, int depth = 3)
    {
        if (source is null || depth < 0)
        {
            return null;
        }

        if (source is IHostEnvironment environment)
        {
            return environment;
        }

        for (var type = source.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Instance))
            {
                var value = field.GetValue(source);
                if (value is IHostEnvironment found)
                {
                    return found;
                }

                if (value is IEnumerable items and not string && field.FieldType.IsArray)
                {
                    foreach (var item in items)
                    {
                        if (item is IEstimator<ITransformer> && Find(item, depth - 1) is { } nested)
                        {
                            return nested;
                        }
                    }
                }
            }
        }

        return null;
    }
}
