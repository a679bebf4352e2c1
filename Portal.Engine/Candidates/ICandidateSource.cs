using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>Something that proposes videos for a user, each with a reason. Sources only propose eligible videos (<see cref="FeedContext.IsEligible"/>).</summary>
public interface ICandidateSource
{
    CandidateSourceKind Kind { get; }

    /// <summary>False when the source has nothing to say for this request (a cold user, a non-personalised feed).</summary>
    bool AppliesTo(FeedContext context);

    void Propose(FeedContext context, CandidateSet candidates);
}
