namespace Portal.Engine.Instances;

/// <summary>This engine instance's identity among the instances sharing a database: it holds leases under this id.</summary>
public sealed class EngineInstance
{
    /// <summary>Machine, process and a random part (two engines in one process, as in tests, differ too).</summary>
    public string Id { get; } = $"{(Environment.MachineName.Length > 100 ? Environment.MachineName[..100] : Environment.MachineName)}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
