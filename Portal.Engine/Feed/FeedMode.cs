namespace Portal.Engine.Feed;

/// <summary>Why a batch was built. Only <see cref="Serve"/> changes the user's state.</summary>
public enum FeedMode
{
    /// <summary>A real feed request from an app.</summary>
    Serve = 0,

    /// <summary>Staff looked at what a user would get next; nothing changes for the user.</summary>
    Preview = 1,

    /// <summary>Staff played with a copy of the user's state.</summary>
    Sandbox = 2,

    /// <summary>A logged request rebuilt to check that it reproduces.</summary>
    Replay = 3,
}
