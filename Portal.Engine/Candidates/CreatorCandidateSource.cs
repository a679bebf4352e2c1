using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>New videos from the creators the user follows or whose videos the user engaged with most.</summary>
public sealed class CreatorCandidateSource : ICandidateSource
{
    public CandidateSourceKind Kind => CandidateSourceKind.Creators;

    public bool AppliesTo(FeedContext context) => context.Personalized && !context.ColdStart;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var catalog = context.Catalog;
        var creators = new Dictionary<int, (float Score, bool Follows)>();
        foreach (var creatorId in context.State.Follows)
        {
            var creator = catalog.CreatorIndexOf(creatorId);
            if (creator >= 0)
            {
                creators[creator] = (1f, true);
            }
        }

        foreach (var (creatorId, _) in context.State.CreatorAffinity)
        {
            var creator = catalog.CreatorIndexOf(creatorId);
            if (creator < 0 || creators.ContainsKey(creator))
            {
                continue;
            }

            var affinity = context.CreatorAffinity(creator);
            if (affinity > 0.5f)
            {
                creators[creator] = (MathF.Tanh(affinity / 3), false);
            }
        }

        foreach (var (creator, (score, follows)) in creators.OrderByDescending(c => c.Value.Score).ThenBy(c => c.Key).Take(context.Options.Creators))
        {
            var handle = catalog.CreatorHandles[creator];
            var reason = follows ? $"From @{handle}, whom you follow" : $"From @{handle}, whose videos you liked";
            var taken = 0;
            foreach (var video in catalog.VideosByCreator[creator])
            {
                if (taken >= context.Options.VideosPerCreator)
                {
                    break;
                }

                if (context.IsEligible(video))
                {
                    candidates.Propose(video, Kind, score, follows ? "followed-creator" : "liked-creator", reason);
                    taken++;
                }
            }
        }
    }
}
