using GanAugment.Encoding;
using GanAugment.Training.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanAugment.Training.Tabular;

/// <summary>The networks, optimisers and data of one training run, and its two kinds of step.</summary>
internal sealed class TrainingRun : IDisposable
{
    readonly TabularGanOptions _options;
    readonly TableEncoding _encoding;
    readonly ConditionSampler _conditions;
    readonly Tensor _data;
    readonly Tensor? _labels;
    readonly Device _device;
    readonly Generator _torchRandom;
    readonly int _batch;
    readonly int _conditionWidth;
    readonly float[] _vectors;
    readonly long[] _realRows;
    readonly float[] _mask;
    readonly long[] _targets;
    readonly (int Start, int Length)[] _conditionalSpans;

    // Constants as long-lived scalars (see Scalars for why).
    readonly Scalar _tiny = 1e-20.ToScalar();
    readonly Scalar _gradientFloor = 1e-12.ToScalar();
    readonly Scalar _minusOne = (-1).ToScalar();
    readonly Scalar _inverseTemperature;
    readonly Scalar _penaltyWeight;
    readonly Scalar _classifierWeight;
    readonly Scalar _inverseBatch;
    bool _generatorHandedOver;

    public TrainingRun(TabularGanOptions options, TableEncoding encoding, EncodedTable encoded, Device device)
    {
        _options = options;
        _encoding = encoding;
        _device = device;
        _batch = options.BatchSize;
        _conditionWidth = encoding.ConditionWidth;
        _conditions = new ConditionSampler(encoding, encoded);
        _data = tensor(encoded.Data, [encoded.Rows, encoded.Width], device: device);
        _labels = encoded.Labels is null ? null : tensor(encoded.Labels.Select(l => (long)l).ToArray(), device: device);
        Rows = encoded.Rows;
        _torchRandom = new Generator(options.Seed, device);

        Generator = new TabularGenerator(
                options.NoiseWidth + _conditionWidth, options.GeneratorLayers, encoding.DataWidth)
            .to(device);
        Discriminator = new TabularDiscriminator(
            encoding.DataWidth + _conditionWidth, options.PacSize, options.DiscriminatorLayers, options.LeakySlope,
            options.Dropout, _torchRandom).to(device);
        InitialiseLinearLayers(Generator);
        InitialiseLinearLayers(Discriminator);
        if (_labels is not null && options.ClassifierWeight > 0)
        {
            Classifier = new TabularClassifier(encoding.DataWidth, encoding.ClassCount, options.DiscriminatorLayers,
                options.LeakySlope, options.Dropout, _torchRandom).to(device);
            InitialiseLinearLayers(Classifier);
            ClassifierOptimizer = optim.Adam(Classifier.parameters(), options.LearningRate, options.Beta1,
                options.Beta2, weight_decay: options.WeightDecay);
        }

        GeneratorOptimizer = optim.Adam(Generator.parameters(), options.LearningRate, options.Beta1, options.Beta2,
            weight_decay: options.WeightDecay);
        DiscriminatorOptimizer = optim.Adam(Discriminator.parameters(), options.LearningRate, options.Beta1,
            options.Beta2, weight_decay: options.WeightDecay);

        _vectors = new float[_batch * _conditionWidth];
        _realRows = new long[_batch];
        _mask = new float[_batch * _conditions.Conditionals];
        _targets = new long[_batch * _conditions.Conditionals];
        _inverseTemperature = (1 / options.GumbelTemperature).ToScalar();
        _penaltyWeight = options.GradientPenaltyWeight.ToScalar();
        _classifierWeight = options.ClassifierWeight.ToScalar();
        _inverseBatch = (1.0 / _batch).ToScalar();
        _conditionalSpans = encoding.ConditionalColumns
            .Select(c => encoding.CategorySpan(c))
            .Select(s => (s.Start, s.Length))
            .ToArray();
    }

    public TabularGenerator Generator { get; }

    public TabularDiscriminator Discriminator { get; }

    public OptimizerHelper GeneratorOptimizer { get; }

    public OptimizerHelper DiscriminatorOptimizer { get; }

    /// <summary>The auxiliary classifier, when there is a label and its weight is positive.</summary>
    public TabularClassifier? Classifier { get; }

    public OptimizerHelper? ClassifierOptimizer { get; }

    public int Rows { get; }

    public int StepsPerEpoch => Math.Max(Rows / _batch, 1);

    /// <summary>One pass: <see cref="StepsPerEpoch"/> rounds of discriminator steps then a generator step.</summary>
    public EpochSummary TrainEpoch(
        int epoch, IProgress<TrainingProgress>? progress, Func<TimeSpan> elapsed, CancellationToken cancellationToken)
    {
        // Each epoch has its own streams, so a run resumed from a checkpoint continues exactly.
        var random = new RandomSource(_options.Seed, (ulong)epoch);
        _torchRandom.manual_seed((long)(_options.Seed ^ (0x9E3779B97F4A7C15UL * (ulong)epoch)));
        Generator.train();
        Classifier?.train();
        Discriminator.train();

        double generatorTotal = 0, discriminatorTotal = 0;
        for (var step = 1; step <= StepsPerEpoch; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var discriminatorLoss = 0.0;
            for (var d = 0; d < _options.DiscriminatorSteps; d++)
            {
                discriminatorLoss = TrainDiscriminatorStep(random);
            }

            var generatorLoss = TrainGeneratorStep(random);
            if (!double.IsFinite(discriminatorLoss))
            {
                throw new TrainingDivergedException(epoch, step, "discriminator");
            }

            if (!double.IsFinite(generatorLoss))
            {
                throw new TrainingDivergedException(epoch, step, "generator");
            }

            generatorTotal += generatorLoss;
            discriminatorTotal += discriminatorLoss;
            progress?.Report(new TrainingProgress(
                epoch, _options.Epochs, step, StepsPerEpoch, generatorLoss, discriminatorLoss, elapsed()));
        }

        return new EpochSummary(epoch, generatorTotal / StepsPerEpoch, discriminatorTotal / StepsPerEpoch, elapsed());
    }

    /// <summary>Ends training: the generator in evaluation mode, with the history, ready to export.</summary>
    public TrainedTabularGan Finish(IReadOnlyList<EpochSummary> history)
    {
        Generator.eval();
        _generatorHandedOver = true;
        return new TrainedTabularGan(_encoding, Generator.to(CPU), _options, history, Rows);
    }

    /// <summary>
    /// The critic's step: Wasserstein loss on real against generated rows, plus the gradient penalty.
    /// </summary>
    double TrainDiscriminatorStep(RandomSource random)
    {
        using var scope = NewDisposeScope();
        Tensor fake;
        Tensor? fakeConditions;
        using (no_grad())
        {
            (fake, fakeConditions) = Generate(random, withTargets: false).Activated;
        }

        _conditions.Sample(random, _batch, _vectors, _realRows, _mask, _targets);
        var realConditions = ConditionTensor();
        var realIndices = tensor(_realRows, device: _device);
        var real = _data.index_select(0, realIndices);
        TrainClassifierStep(real, realIndices);

        var fakeRows = Join(fake, fakeConditions);
        var realRows = Join(real, realConditions);
        var wasserstein = Discriminator.forward(fakeRows).mean().Minus(Discriminator.forward(realRows).mean());
        var penalty = GradientPenalty(realRows, fakeRows);

        DiscriminatorOptimizer.zero_grad();
        wasserstein.Plus(penalty).backward();
        DiscriminatorOptimizer.step();
        return wasserstein.item<float>();
    }

    /// <summary>The generator's step: fool the critic, and honour the picked category (the conditional loss).</summary>
    double TrainGeneratorStep(RandomSource random)
    {
        using var scope = NewDisposeScope();
        var draw = Generate(random, withTargets: true);
        var (fake, conditions) = draw.Activated;
        var loss = Discriminator.forward(Join(fake, conditions)).mean().neg();
        if (_conditions.Conditionals > 0)
        {
            loss = loss.Plus(ConditionalLoss(draw.Raw, draw.Mask!, draw.Targets!));
        }

        if (Classifier is not null)
        {
            // The rows were generated for the classes of the real rows their conditions were drawn from.
            var requested = _labels!.index_select(0, tensor(_realRows, device: _device));
            Classifier.eval();
            var misclassified = nn.functional.cross_entropy(Classifier.forward(fake), requested);
            loss = loss.Plus(misclassified.mul(_classifierWeight));
            Classifier.train();
        }

        GeneratorOptimizer.zero_grad();
        loss.backward();
        GeneratorOptimizer.step();
        return loss.item<float>();
    }

    /// <summary>The auxiliary classifier's step: cross-entropy of its prediction on real rows.</summary>
    void TrainClassifierStep(Tensor real, Tensor realIndices)
    {
        if (Classifier is null)
        {
            return;
        }

        var loss = nn.functional.cross_entropy(Classifier.forward(real), _labels!.index_select(0, realIndices));
        ClassifierOptimizer!.zero_grad();
        loss.backward();
        ClassifierOptimizer.step();
    }

    GeneratedBatch Generate(RandomSource random, bool withTargets)
    {
        _conditions.Sample(random, _batch, _vectors, _realRows, _mask, _targets);
        var conditions = ConditionTensor();
        var noise = randn(_batch, _options.NoiseWidth, device: _device, generator: _torchRandom);
        var raw = Generator.forward(Join(noise, conditions));
        var mask = withTargets ? tensor(_mask, [_batch, _conditions.Conditionals], device: _device) : null;
        var targets = withTargets ? tensor(_targets, [_batch, _conditions.Conditionals], device: _device) : null;
        return new GeneratedBatch(raw, (Activate(raw), conditions), mask, targets);
    }

    Tensor? ConditionTensor() =>
        _conditionWidth == 0 ? null : tensor(_vectors, [_batch, _conditionWidth], device: _device);

    static Tensor Join(Tensor rows, Tensor? conditions) => conditions is null ? rows : cat([rows, conditions], 1);

    /// <summary>tanh on value slots, Gumbel-softmax (τ from the options) on every one-hot group.</summary>
    Tensor Activate(Tensor raw)
    {
        var parts = new List<Tensor>();
        foreach (var span in _encoding.Spans)
        {
            var slice = raw.narrow(1, span.Start, span.Length);
            parts.Add(span.Activation == SpanActivation.Tanh ? slice.tanh() : GumbelSoftmax(slice));
        }

        return cat(parts, 1);
    }

    /// <summary>
    /// softmax((logits + g) / τ) with g = −log(−log u), u uniform: a differentiable one-hot draw.
    /// </summary>
    Tensor GumbelSoftmax(Tensor logits)
    {
        var uniform = rand(logits.shape, device: _device, generator: _torchRandom);
        var gumbel = uniform.Plus(_tiny).log().neg().Plus(_tiny).log().neg();
        return logits.Plus(gumbel).mul(_inverseTemperature).softmax(1);
    }

    /// <summary>Cross-entropy of the picked conditional column's logits against the picked slot, per row.</summary>
    Tensor ConditionalLoss(Tensor raw, Tensor mask, Tensor targets)
    {
        var total = zeros(_batch, device: _device);
        for (var i = 0; i < _conditionalSpans.Length; i++)
        {
            var (start, length) = _conditionalSpans[i];
            var logits = raw.narrow(1, start, length);
            var loss = nn.functional.cross_entropy(logits, targets.select(1, i), reduction: nn.Reduction.None);
            total = total.Plus(loss.mul(mask.select(1, i)));
        }

        return total.sum().mul(_inverseBatch);
    }

    /// <summary>
    /// WGAN-GP (Gulrajani et al. 2017): λ · (‖∇D(x̂)‖ − 1)² at points x̂ between real and generated packs.
    /// One mixing weight per pack, and the gradient norm taken over the whole pack, as the critic sees it.
    /// </summary>
    Tensor GradientPenalty(Tensor real, Tensor fake)
    {
        var pac = _options.PacSize;
        var width = real.shape[1];
        var alpha = rand(_batch / pac, 1, 1, device: _device, generator: _torchRandom)
            .expand(_batch / pac, pac, width).reshape(_batch, width);
        // x̂ = fake + α (real − fake)
        var mixed = fake.detach().Plus(alpha.mul(real.Minus(fake.detach()))).detach().requires_grad_(true);
        var scores = Discriminator.forward(mixed);
        var gradient = autograd.grad([scores], [mixed], [ones_like(scores)], retain_graph: true, create_graph: true)[0];
        // The small constant keeps the square root differentiable where a gradient vanishes.
        var norms = gradient.reshape(-1, pac * width).square().sum(1).Plus(_gradientFloor).sqrt();
        return norms.Plus(_minusOne).square().mean().mul(_penaltyWeight);
    }

    void InitialiseLinearLayers(nn.Module module)
    {
        // PyTorch's default Linear initialisation, U(−1/√fan_in, 1/√fan_in), drawn from our seeded generator.
        // (TorchSharp 0.107's nn.init.uniform_ ignores its generator argument, so draw with rand instead.)
        using var guard = no_grad();
        foreach (var linear in module.modules().OfType<Linear>())
        {
            var bound = 1 / Math.Sqrt(linear.weight!.shape[1]);
            DrawUniform(linear.weight, bound);
            if (linear.bias is not null)
            {
                DrawUniform(linear.bias, bound);
            }
        }
    }

    void DrawUniform(Tensor parameter, double bound)
    {
        using var draw = rand(parameter.shape, device: _device, generator: _torchRandom);
        using var width = (2 * bound).ToScalar();
        using var low = (-bound).ToScalar();
        using var scaled = draw.mul(width).Plus(low);
        parameter.copy_(scaled);
    }

    public void Dispose()
    {
        _data.Dispose();
        if (!_generatorHandedOver)
        {
            Generator.Dispose();
        }

        Discriminator.Dispose();
        Classifier?.Dispose();
        ClassifierOptimizer?.Dispose();
        _labels?.Dispose();
        GeneratorOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        _torchRandom.Dispose();
        foreach (var scalar in new[] { _tiny, _gradientFloor, _minusOne, _inverseTemperature, _penaltyWeight,
                     _classifierWeight, _inverseBatch })
        {
            scalar.Dispose();
        }
    }

    sealed record GeneratedBatch(
        Tensor Raw, (Tensor Rows, Tensor? Conditions) Activated, Tensor? Mask, Tensor? Targets);
}
