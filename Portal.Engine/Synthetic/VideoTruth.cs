namespace Portal.Engine.Synthetic;

/// <summary>The hidden truth about a generated video: its theme and intrinsic quality. Read by the simulator only, never by the engine.</summary>
public sealed class VideoTruth
{
    public int VideoId { get; set; }

    public int Theme { get; set; }

    public float Quality { get; set; }
}
