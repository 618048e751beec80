using GanAugment.Encoding;

namespace GanAugment.Training.Tabular;

/// <summary>
/// Training-by-sampling (Xu et al. 2019, section 4.3) with the label as a permanent condition. Each row
/// of a batch picks one condition uniformly among the conditional columns and the label, then a value of
/// it with probability ∝ log(1 + frequency), so rare categories and rare classes are seen often; real rows
/// are drawn among those having that value, and every row's class is part of its conditional vector.
/// </summary>
internal sealed class ConditionSampler
{
    readonly TableEncoding _encoding;
    readonly EncodedTable _data;
    readonly int[][][] _rowsBySlot;
    readonly double[][] _slotWeights;
    readonly int[][] _rowsByClass;
    readonly double[] _classWeights;
    readonly int[] _offsets;

    public ConditionSampler(TableEncoding encoding, EncodedTable data)
    {
        _encoding = encoding;
        _data = data;
        _rowsBySlot = data.ConditionCodes
            .Select((codes, i) => GroupRows(codes, encoding.Columns[encoding.ConditionalColumns[i]].CategorySlots))
            .ToArray();
        _slotWeights = _rowsBySlot.Select(LogFrequencies).ToArray();
        _rowsByClass = data.Labels is null ? [] : GroupRows(data.Labels, encoding.ClassCount);
        _classWeights = LogFrequencies(_rowsByClass);
        _offsets = Enumerable.Range(0, data.ConditionCodes.Length).Select(encoding.ConditionOffset).ToArray();
    }

    /// <summary>The number of conditional columns.</summary>
    public int Conditionals => _rowsBySlot.Length;

    /// <summary>
    /// Draws <paramref name="rows"/> conditions. Fills each row's conditional vector, the real row that meets
    /// it, and per conditional column a mask (1 where that column was the picked one) and the picked slot.
    /// </summary>
    public void Sample(
        RandomSource random, int rows, Span<float> vectors, Span<long> realRows, Span<float> mask, Span<long> targets)
    {
        var width = _encoding.ConditionWidth;
        var hasLabel = _data.Labels is not null;
        vectors.Clear();
        mask.Clear();
        targets.Clear();
        for (var r = 0; r < rows; r++)
        {
            var pick = random.NextInt(Conditionals + (hasLabel || Conditionals == 0 ? 1 : 0));
            int row;
            if (pick < Conditionals)
            {
                var slot = random.NextWeighted(_slotWeights[pick]);
                var candidates = _rowsBySlot[pick][slot];
                row = candidates[random.NextInt(candidates.Length)];
                vectors[r * width + _offsets[pick] + slot] = 1;
                mask[r * Conditionals + pick] = 1;
                targets[r * Conditionals + pick] = slot;
            }
            else if (hasLabel)
            {
                var candidates = _rowsByClass[random.NextWeighted(_classWeights)];
                row = candidates[random.NextInt(candidates.Length)];
            }
            else
            {
                row = random.NextInt(_data.Rows);
            }

            if (hasLabel)
            {
                vectors[r * width + _data.Labels![row]] = 1;
            }

            realRows[r] = row;
        }
    }

    static int[][] GroupRows(int[] codes, int groups)
    {
        var lists = Enumerable.Range(0, groups).Select(_ => new List<int>()).ToArray();
        for (var row = 0; row < codes.Length; row++)
        {
            lists[codes[row]].Add(row);
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>log(1 + count) per group; a group with no rows gets weight 0 and is never drawn.</summary>
    static double[] LogFrequencies(int[][] groups) => groups.Select(g => Math.Log(1 + g.Length)).ToArray();
}
