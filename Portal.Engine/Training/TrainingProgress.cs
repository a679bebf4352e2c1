namespace Portal.Engine.Training;

/// <summary>
/// The live progress of the training run in this process (step and percent), for the portal's Training page and
/// the CLI. Thread-safe; <see cref="Changed"/> fires on every update.
/// </summary>
public sealed class TrainingProgress
{
    private readonly Lock _gate = new();

    public bool Running { get; private set; }

    public long? RunId { get; private set; }

    public string Step { get; private set; } = "";

    /// <summary>0..100.</summary>
    public double Percent { get; private set; }

    public string? Message { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public event Action? Changed;

    internal void Start(long runId, DateTime at)
    {
        lock (_gate)
        {
            Running = true;
            RunId = runId;
            Step = "starting";
            Percent = 0;
            Message = null;
            StartedAt = at;
        }

        Changed?.Invoke();
    }

    internal void Report(string step, double percent, string? message = null)
    {
        lock (_gate)
        {
            Step = step;
            Percent = Math.Clamp(percent, 0, 100);
            Message = message;
        }

        Changed?.Invoke();
    }

    internal void Finish(string message)
    {
        lock (_gate)
        {
            Running = false;
            Percent = 100;
            Step = "finished";
            Message = message;
        }

        Changed?.Invoke();
    }
}
