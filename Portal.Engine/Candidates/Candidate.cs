namespace Portal.Engine.Candidates;

/// <summary>A video proposed for a batch: which sources proposed it, how strongly, why, and later its features and score.</summary>
public sealed class Candidate(int video)
{
    public const int SourceCount = 8;

    /// <summary>The video's index in the catalog snapshot.</summary>
    public int Video { get; } = video;

    /// <summary>Score 0..1 per <see cref="CandidateSourceKind"/>; 0 where the source did not propose it.</summary>
    public float[] SourceScores { get; } = new float[SourceCount];

    /// <summary>One plain-language reason per proposing source, in the order they proposed it.</summary>
    public List<CandidateReason> Reasons { get; } = new(2);

    /// <summary>Feature values, in <see cref="Ranking.RankingFeatures.Names"/> order; filled by the ranker.</summary>
    public float[] Features { get; set; } = [];

    /// <summary>Predicted engagement, 0..1; filled by the ranker.</summary>
    public float Score { get; set; }

    /// <summary>1-based position in the ranker's order, before the diversity step.</summary>
    public int RankBefore { get; set; }

    public bool IsFrom(CandidateSourceKind source) => SourceScores[(int)source] > 0;

    public int SourceMask
    {
        get
        {
            var mask = 0;
            for (var i = 0; i < SourceCount; i++)
            {
                if (SourceScores[i] > 0)
                {
                    mask |= 1 << i;
                }
            }

            return mask;
        }
    }
}
