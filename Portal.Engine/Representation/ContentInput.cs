namespace Portal.Engine.Representation;

/// <summary>The text ML.NET featurises for a video: caption, hashtags and the title of its sound.</summary>
public sealed class ContentInput
{
    public string Text { get; set; } = "";
}
