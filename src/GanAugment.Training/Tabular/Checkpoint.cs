using System.Text.Json;

namespace GanAugment.Training.Tabular;

/// <summary>
/// Saves and restores a training run: both networks, both optimisers' state, the epoch reached and the
/// history. Random streams are derived from the seed and the epoch, so a resumed run continues exactly
/// as an uninterrupted one would.
/// </summary>
internal static class Checkpoint
{
    const string Magic = "GanAugment.Checkpoint/1";

    /// <summary>
    /// The settings that must match for a resumed run to continue the saved one exactly (epochs may grow).
    /// </summary>
    static string Identity(TabularGanOptions options) =>
        JsonSerializer.Serialize(options with { Epochs = 0, Threads = 0 });

    public static void Save(
        string path, TrainingRun run, TabularGanOptions options, int epoch, IReadOnlyList<EpochSummary> history)
    {
        AtomicFile.Write(path, file =>
        {
            using var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(epoch);
            writer.Write(run.Rows);
            writer.Write(Identity(options));
            writer.Write(JsonSerializer.Serialize(history));
            run.Generator.save(writer);
            run.Discriminator.save(writer);
            run.GeneratorOptimizer.save_state_dict(writer);
            run.DiscriminatorOptimizer.save_state_dict(writer);
            run.Classifier?.save(writer);
            run.ClassifierOptimizer?.save_state_dict(writer);
        });
    }

    /// <summary>Restores <paramref name="run"/> and <paramref name="history"/>; returns the epoch reached.</summary>
    public static int Load(string path, TrainingRun run, TabularGanOptions options, List<EpochSummary> history)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("it is not a GanAugment checkpoint.");
            }

            var epoch = reader.ReadInt32();
            var rows = reader.ReadInt32();
            if (rows != run.Rows)
            {
                throw new InvalidDataException($"it was written for {rows} training rows, not {run.Rows}.");
            }

            var identity = reader.ReadString();
            if (identity != Identity(options))
            {
                throw new InvalidDataException(
                    $"it was written with other training settings ({identity}), not ({Identity(options)}).");
            }

            history.AddRange(JsonSerializer.Deserialize<List<EpochSummary>>(reader.ReadString()) ?? []);
            run.Generator.load(reader);
            run.Discriminator.load(reader);
            run.GeneratorOptimizer.load_state_dict(reader);
            run.DiscriminatorOptimizer.load_state_dict(reader);
            run.Classifier?.load(reader);
            run.ClassifierOptimizer?.load_state_dict(reader);
            return epoch;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException
            or InvalidOperationException)
        {
            throw new InvalidDataException(
                $"Cannot resume from checkpoint '{path}': {e.Message} Delete it to start afresh.", e);
        }
    }
}
