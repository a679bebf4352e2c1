using Portal.Engine.Synthetic;

namespace Portal.Components.Shared;

public static class WorldPreparationExtensions
{
    /// <summary>
    /// True while the first-run world is being generated and loaded. A report of 100 % counts as finished:
    /// the engine's first-start service passes progress through <see cref="Progress{T}"/>, which runs its callbacks
    /// on the thread pool, so the final "done, 100 %" report can arrive after "ready" and overwrite it.
    /// </summary>
    public static bool IsInProgress(this WorldPreparation preparation) =>
        preparation.Status == WorldPreparationStatus.Preparing && preparation.Percent < 100;
}
