namespace Portal.Engine.Catalog;

/// <summary>Joins a video to one of its hashtags; <see cref="Position"/> keeps the creator's order.</summary>
public sealed class VideoHashtag
{
    public int VideoId { get; set; }

    public int HashtagId { get; set; }

    public Hashtag? Hashtag { get; set; }

    public int Position { get; set; }
}
