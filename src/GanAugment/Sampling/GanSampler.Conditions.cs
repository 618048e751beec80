namespace GanAugment.Sampling;

public sealed partial class GanSampler
{
    /// <summary>
    /// Fills each row's conditional vector and class. The class is the requested one, or drawn from the
    /// classes seen with the requested category, or from the training frequencies. The other block of the
    /// vector mirrors training-by-sampling: a column drawn uniformly (the label counting as one, which
    /// leaves the block empty), and a category of it drawn with its observed frequency given the class.
    /// </summary>
    void FillConditions(ConditionRequest request, int rows, RandomSource random, Span<float> vector, Span<int> classes)
    {
        vector.Clear();
        var counts = Encoding.ConditionCounts;
        var hasLabel = Encoding.ClassCount > 0;
        Span<double> weights = stackalloc double[Math.Max(Encoding.ClassCounts.Length, 1)];
        for (var r = 0; r < rows; r++)
        {
            var row = _conditionWidth == 0 ? default : vector.Slice(r * _conditionWidth, _conditionWidth);
            int klass;
            if (request.FixedClass >= 0)
            {
                klass = request.FixedClass;
            }
            else if (request.FixedConditional >= 0)
            {
                for (var k = 0; k < weights.Length; k++)
                {
                    weights[k] = counts[request.FixedConditional][k][request.FixedSlot];
                }

                klass = random.NextWeighted(weights);
            }
            else
            {
                klass = random.NextWeighted(_classWeights);
            }

            classes[r] = klass;
            if (hasLabel)
            {
                row[klass] = 1;
            }

            if (request.FixedConditional >= 0)
            {
                row[_conditionOffsets[request.FixedConditional] + request.FixedSlot] = 1;
                continue;
            }

            var conditionals = counts.Length;
            if (conditionals == 0)
            {
                continue;
            }

            var pick = random.NextInt(conditionals + (hasLabel ? 1 : 0));
            if (pick == conditionals)
            {
                continue; // the label itself was the picked condition
            }

            var perSlot = _slotWeights[pick][klass];
            if (perSlot is not null)
            {
                row[_conditionOffsets[pick] + random.NextWeighted(perSlot)] = 1;
            }
        }
    }

    /// <summary>
    /// The count tables as draw weights, computed once: per class, and per conditional column and class.
    /// </summary>
    (double[] Classes, double[]?[][] Slots, int[] Offsets) ConditionWeights()
    {
        var classes = Array.ConvertAll(Encoding.ClassCounts, c => (double)c);
        var slots = Encoding.ConditionCounts
            .Select(perClass => perClass
                .Select(counts => counts.Sum() > 0 ? Array.ConvertAll(counts, c => (double)c) : null)
                .ToArray())
            .ToArray();
        var offsets = Enumerable.Range(0, slots.Length).Select(Encoding.ConditionOffset).ToArray();
        return (classes, slots, offsets);
    }

    ConditionRequest ResolveCondition(SamplingCondition? condition)
    {
        if (condition is null)
        {
            return ConditionRequest.None;
        }

        var columns = Encoding.Columns;
        var column = columns.ToList().FindIndex(c => c.Name == condition.Column);
        if (column < 0)
        {
            throw new ArgumentException(
                $"Unknown condition column '{condition.Column}'. The columns are: " +
                $"{string.Join(", ", columns.Select(c => c.Name))}.", nameof(condition));
        }

        var encoding = columns[column];
        if (encoding.IsNumeric && !encoding.IsLabel)
        {
            throw new ArgumentException(
                $"Column '{condition.Column}' is {encoding.Kind.ToString().ToLowerInvariant()}; conditions apply to " +
                "categorical and boolean columns and the label.", nameof(condition));
        }

        var slot = Array.IndexOf(encoding.Categories, condition.Value);
        if (slot < 0 && encoding.Kind == Tabular.ColumnKind.Boolean && bool.TryParse(condition.Value, out var flag))
        {
            slot = flag ? 1 : 0;
        }

        if (slot < 0)
        {
            throw new ArgumentException(
                $"Column '{condition.Column}' has no value '{condition.Value}'. Its values are: " +
                $"{string.Join(", ", encoding.Categories)}.", nameof(condition));
        }

        if (encoding.IsLabel)
        {
            return ConditionRequest.None with { FixedClass = slot };
        }

        var conditional = Encoding.ConditionalColumns.ToList().IndexOf(column);
        return new ConditionRequest(-1, conditional, column, slot);
    }

    /// <summary>A resolved condition: a fixed class, or a fixed slot of one conditional column, or nothing.</summary>
    readonly record struct ConditionRequest(int FixedClass, int FixedConditional, int FixedColumn, int FixedSlot)
    {
        public static ConditionRequest None => new(-1, -1, -1, -1);
    }
}
