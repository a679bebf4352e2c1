namespace Portal.Engine.Evaluation;

/// <summary>A stored simulation report, for the portal's learning-curve history.</summary>
public sealed class SimulationRun
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string ModelVersion { get; set; } = "";

    public int Users { get; set; }

    public int Batches { get; set; }

    public string RequestedBy { get; set; } = "";

    public string ReportJson { get; set; } = "{}";
}
