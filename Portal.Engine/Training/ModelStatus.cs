namespace Portal.Engine.Training;

/// <summary>Where a model version stands in the registry.</summary>
public enum ModelStatus
{
    /// <summary>A run is producing it.</summary>
    Training = 0,

    /// <summary>Trained and stored, not serving (not promoted, or replaced since).</summary>
    Ready = 1,

    /// <summary>The version the feed serves from.</summary>
    Active = 2,

    /// <summary>Trained, but its evaluation fell short of the active version's; kept for comparison.</summary>
    Rejected = 3,

    /// <summary>The run failed or was cancelled; no usable artifacts.</summary>
    Failed = 4,

    /// <summary>Its artifacts were deleted by the retention setting.</summary>
    Pruned = 5,
}
