namespace Portal.Moderation;

/// <summary>What a moderator can do, and to what.</summary>
public enum ModerationActionKind
{
    /// <summary>The video breaks no rule: visible again, its open reports closed.</summary>
    ApproveVideo = 0,

    /// <summary>The video stays up but is never recommended.</summary>
    RestrictVideo = 1,

    /// <summary>The video is taken down.</summary>
    RemoveVideo = 2,

    /// <summary>None of the creator's videos is recommended.</summary>
    RestrictCreator = 3,

    /// <summary>The creator is banned: all of their videos leave feeds. Needs a second moderator unless an Admin does it.</summary>
    BanCreator = 4,

    /// <summary>No video with the sound is recommended. Needs a second moderator unless an Admin does it.</summary>
    BlockSound = 5,

    /// <summary>Undoes an earlier action: the subject goes back to the status it had before.</summary>
    Reversal = 6,
}
