namespace Portal.Engine.Synthetic;

/// <summary>
/// The progress of preparing the first-run world, observable by the portal
/// ("preparing the demo world, 40 %"). Thread-safe; <see cref="Changed"/> fires on every update.
/// </summary>
public sealed class WorldPreparation
{
    private readonly Lock _gate = new();

    public WorldPreparationStatus Status { get; private set; } = WorldPreparationStatus.Checking;

    /// <summary>0..100.</summary>
    public double Percent { get; private set; }

    public string Stage { get; private set; } = "";

    public string PresetName { get; private set; } = "";

    public string? Error { get; private set; }

    public event Action? Changed;

    internal void Report(WorldPreparationStatus status, string presetName, string stage, double percent, string? error = null)
    {
        lock (_gate)
        {
            Status = status;
            PresetName = presetName;
            Stage = stage;
            Percent = Math.Clamp(percent, 0, 100);
            Error = error;
        }

        Changed?.Invoke();
    }
}
