namespace Portal.Engine.Candidates;

/// <summary>The candidates gathered for one request, one entry per video however many sources proposed it.</summary>
public sealed class CandidateSet
{
    private readonly Dictionary<int, Candidate> _byVideo = new(256);

    public int Count => _byVideo.Count;

    public IEnumerable<Candidate> All => _byVideo.Values;

    public bool Contains(int video) => _byVideo.ContainsKey(video);

    /// <summary>Records that <paramref name="source"/> proposes <paramref name="video"/> with a 0..1 score and a reason (the first reason per source wins).</summary>
    public void Propose(int video, CandidateSourceKind source, float score, string code, string reason)
    {
        if (!_byVideo.TryGetValue(video, out var candidate))
        {
            _byVideo[video] = candidate = new Candidate(video);
        }

        var index = (int)source;
        var clamped = Math.Clamp(score, 1e-4f, 1f);
        if (candidate.SourceScores[index] == 0)
        {
            candidate.Reasons.Add(new CandidateReason(source, code, reason));
        }

        candidate.SourceScores[index] = Math.Max(candidate.SourceScores[index], clamped);
    }
}
