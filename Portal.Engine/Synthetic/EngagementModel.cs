using Portal.Engine.Primitives;
namespace Portal.Engine.Synthetic;

/// <summary>
/// The world's documented model of how a user reacts to a video. Both the generator (to write history) and
/// the simulator (to react to live batches) use it, so simulated users behave the way the world says.
/// <para>
/// <b>Appeal.</b> <c>p = clamp(r^0.8 · (0.35 + 0.65·q) · (0.5 + 0.5·c) · s · L, 0, 1)</c>, where
/// <c>r</c> is the user's interest in the video's theme relative to their strongest interest
/// (<see cref="BaselineInterest"/> for themes they have no interest in), <c>q</c> the video's quality,
/// <c>c</c> the creator's quality, <c>s</c> the sound's appeal (about 0.75..1.15) and <c>L</c> the language match
/// (1 when the video is in the user's language or language-neutral, <see cref="ForeignLanguageFactor"/> otherwise).
/// </para>
/// <para>
/// <b>Reaction.</b> Watch fraction <c>w = clamp(0.08 + 0.9·p + 0.15·ε, 0.01, 1)</c> with ε standard normal.
/// <c>w &lt; 0.25</c> is a skip; after a skip the user says "not interested" with probability <c>0.12·(1−p)²</c>
/// and reports the video with probability <c>0.004·(1−q)</c>. Otherwise it is a watch, then independently:
/// like with probability <c>min(0.9, 1.1·p²)</c> (a third of that when <c>w &lt; 0.6</c>),
/// share <c>0.25·p³</c>, comment <c>0.12·p²</c>, follow the creator <c>0.08·p²·c</c> (once per creator).
/// </para>
/// </summary>
public static class EngagementModel
{
    /// <summary>Relative interest in a theme the user does not care about.</summary>
    public const double BaselineInterest = 0.05;

    /// <summary>Appeal multiplier for a video in a language the user does not speak.</summary>
    public const double ForeignLanguageFactor = 0.3;

    /// <summary>Watch fractions below this are skips.</summary>
    public const double SkipThreshold = 0.25;

    public static double Appeal(double relativeInterest, double videoQuality, double creatorQuality, double soundAppeal, bool languageMatches)
    {
        var p = Math.Pow(Math.Clamp(relativeInterest, 0, 1), 0.8)
            * (0.35 + 0.65 * videoQuality)
            * (0.5 + 0.5 * creatorQuality)
            * soundAppeal
            * (languageMatches ? 1.0 : ForeignLanguageFactor);
        return Math.Clamp(p, 0, 1);
    }

    public static Reaction React(double appeal, double videoQuality, double creatorQuality, bool alreadyFollows, SeededRandom random)
    {
        var p = appeal;
        var watch = Math.Clamp(0.08 + 0.9 * p + 0.15 * random.NextGaussian(), 0.01, 1.0);
        if (watch < SkipThreshold)
        {
            var notInterested = random.Chance(0.12 * (1 - p) * (1 - p));
            var reported = random.Chance(0.004 * (1 - videoQuality));
            return new Reaction((float)watch, Skipped: true, false, false, false, false, notInterested, reported);
        }

        var likeChance = Math.Min(0.9, 1.1 * p * p) * (watch < 0.6 ? 1.0 / 3 : 1.0);
        return new Reaction(
            (float)watch,
            Skipped: false,
            Liked: random.Chance(likeChance),
            Shared: random.Chance(0.25 * p * p * p),
            Commented: random.Chance(0.12 * p * p),
            Followed: !alreadyFollows && random.Chance(0.08 * p * p * creatorQuality),
            NotInterested: false,
            Reported: false);
    }
}
