namespace Portal.Engine.Catalog;

/// <summary>A video with its creator and sound, as moderation pages show it.</summary>
public sealed record VideoDetails(
    int Id,
    string Caption,
    IReadOnlyList<string> Hashtags,
    string? Language,
    string OriginCountry,
    int DurationSeconds,
    DateTime CreatedAt,
    ModerationStatus Moderation,
    int CreatorId,
    string CreatorHandle,
    CreatorStatus CreatorStatus,
    int SoundId,
    string SoundTitle,
    string SoundArtist,
    SoundStatus SoundStatus)
{
    /// <summary>True when nothing (the video, its creator or its sound) keeps it out of feeds.</summary>
    public bool Servable => Moderation == ModerationStatus.Visible && CreatorStatus == CreatorStatus.Active && SoundStatus == SoundStatus.Active;
}
