namespace Portal.Engine.Candidates;

/// <summary>Every candidate source, as an index into per-candidate source scores.</summary>
public enum CandidateSourceKind
{
    Popular = 0,
    Trending = 1,
    SimilarContent = 2,
    Creators = 3,
    CoEngagement = 4,
    Exploration = 5,
    ClusterProximity = 6,
    Collaborative = 7,
}
