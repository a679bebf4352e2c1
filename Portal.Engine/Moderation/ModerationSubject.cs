namespace Portal.Engine.Moderation;

/// <summary>What a moderation decision is about.</summary>
public enum ModerationSubject
{
    Video = 0,
    Creator = 1,
    Sound = 2,
}
