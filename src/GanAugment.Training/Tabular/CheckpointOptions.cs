namespace GanAugment.Training.Tabular;

/// <summary>Where and how often training saves its state, and whether it resumes from it.</summary>
/// <param name="Path">The checkpoint file; written through a temporary file, so it is never half-written.</param>
/// <param name="EveryEpochs">Save after every this many epochs, and after the last. Default: 10.</param>
/// <param name="ResumeIfPresent">Continue from the file when it exists. Default: true.</param>
public sealed record CheckpointOptions(string Path, int EveryEpochs = 10, bool ResumeIfPresent = true);
