namespace Portal.Engine.Catalog;

/// <summary>A hashtag, stored without its leading '#', lower case.</summary>
public sealed class Hashtag
{
    public int Id { get; set; }

    public string Tag { get; set; } = "";
}
