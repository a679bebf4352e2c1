using System.Numerics.Tensors;
using Portal.Engine.Candidates;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Primitives;

namespace Portal.Engine.Feed;

/// <summary>
/// Everything the stages of one feed request share: who the user is, their state, the snapshot, the rules, the
/// request's clock and random stream, and what is derived from the user's state once per request (the
/// short-term interest vector, topic-group affinities). The caller holds the user state's lock throughout.
/// </summary>
public sealed class FeedContext
{
    private const double InterestHalfLifeMs = 72 * 3_600_000.0;

    private float[]? _interest;
    private bool _interestComputed;
    private Dictionary<int, float>? _clusterAffinity;
    private HashSet<int>? _seenClusters;
    private List<(int Video, float Weight)>? _recentPositives;
    private float[]? _collaborative;
    private bool _collaborativeComputed;
    private int? _userCluster;

    public FeedContext(
        UserProfile user,
        UserState state,
        ServingSnapshot snapshot,
        DiversityRules rules,
        CandidatesOptions candidates,
        long nowMs,
        SeededRandom random,
        DeviceType device,
        string country,
        bool coldStart)
    {
        User = user;
        State = state;
        Snapshot = snapshot;
        Rules = rules;
        Options = candidates;
        NowMs = nowMs;
        Random = random;
        Device = device;
        Country = country;
        ColdStart = coldStart;
        CountryIndex = snapshot.Catalog.CountryIndexOf(country);
        LanguageIndex = snapshot.Catalog.LanguageIndexOf(user.Language);
    }

    public UserProfile User { get; }

    public UserState State { get; }

    public ServingSnapshot Snapshot { get; }

    public CatalogSnapshot Catalog => Snapshot.Catalog;

    public DiversityRules Rules { get; }

    public CandidatesOptions Options { get; }

    public long NowMs { get; }

    /// <summary>Seeded from the request id, so a logged request can be replayed.</summary>
    public SeededRandom Random { get; }

    public DeviceType Device { get; }

    public string Country { get; }

    /// <summary>Index of the country in the catalog snapshot, or -1 when no video or user has it.</summary>
    public int CountryIndex { get; }

    /// <summary>Index of the user's language in the catalog snapshot, or -1 when no video has it.</summary>
    public int LanguageIndex { get; }

    public bool ColdStart { get; }

    public bool Personalized => User.Personalized;

    /// <summary>
    /// May this video be shown to this user now? Servable (moderation), not seen before, in the user's language or
    /// language-neutral, allowed in the request's country, playable on the device (app-only effects are not served
    /// to web), and already published.
    /// </summary>
    public bool IsEligible(int video)
    {
        var catalog = Snapshot.Catalog;
        if (!Snapshot.Availability.IsServable(video) || catalog.CreatedAtMs[video] > NowMs)
        {
            return false;
        }

        var language = catalog.LanguageOf[video];
        if (language != 0 && language != LanguageIndex)
        {
            return false;
        }

        if (catalog.RequiresApp[video] && Device == DeviceType.Web)
        {
            return false;
        }

        if (catalog.AllowedCountriesOf[video] is { } allowed && (CountryIndex < 0 || Array.IndexOf(allowed, (short)CountryIndex) < 0))
        {
            return false;
        }

        return !State.Seen.Contains(catalog.VideoIds[video]);
    }

    /// <summary>The user's latest positive engagements as video indices with their weights, newest first.</summary>
    public IReadOnlyList<(int Video, float Weight)> RecentPositives
    {
        get
        {
            if (_recentPositives is null)
            {
                _recentPositives = [];
                var recent = State.Recent;
                for (var i = recent.Count - 1; i >= 0 && _recentPositives.Count < Options.RecentPositives; i--)
                {
                    if (recent[i].Weight > 0 && Catalog.IndexOf(recent[i].VideoId) is var video and >= 0)
                    {
                        _recentPositives.Add((video, recent[i].Weight));
                    }
                }
            }

            return _recentPositives;
        }
    }

    /// <summary>
    /// The short-term interest vector: the recency-weighted sum of the content vectors of the latest positive
    /// engagements, minus half the weight of the latest negative ones, normalised; null when there is nothing yet.
    /// </summary>
    public float[]? Interest
    {
        get
        {
            if (_interestComputed)
            {
                return _interest;
            }

            _interestComputed = true;
            var content = Snapshot.Model.Content;
            var vector = new float[content.Dimension];
            var recent = State.Recent;
            var positives = 0;
            var any = false;
            for (var i = recent.Count - 1; i >= 0 && positives < Options.RecentPositives && i >= recent.Count - 100; i--)
            {
                var record = recent[i];
                var video = Catalog.IndexOf(record.VideoId);
                if (video < 0 || record.Weight == 0)
                {
                    continue;
                }

                var recency = (float)Math.Pow(2, -Math.Max(0, NowMs - record.AtMs) / InterestHalfLifeMs);
                var weight = record.Weight > 0 ? record.Weight * recency : 0.5f * record.Weight * recency;
                positives += record.Weight > 0 ? 1 : 0;
                TensorPrimitives.MultiplyAdd(content.Of(video), weight, vector, vector);
                any = true;
            }

            var norm = TensorPrimitives.Norm(vector);
            if (any && norm > 1e-6f)
            {
                TensorPrimitives.Divide(vector, norm, vector);
                _interest = vector;
            }

            return _interest;
        }
    }

    /// <summary>Recency-weighted sum of engagement weights per topic group, from the user's latest engagements.</summary>
    public Dictionary<int, float> ClusterAffinity
    {
        get
        {
            if (_clusterAffinity is null)
            {
                _clusterAffinity = [];
                foreach (var record in State.Recent)
                {
                    var video = Catalog.IndexOf(record.VideoId);
                    if (video < 0 || record.Weight == 0)
                    {
                        continue;
                    }

                    var cluster = Snapshot.ClusterOf(video);
                    var recency = (float)Math.Pow(2, -Math.Max(0, NowMs - record.AtMs) / InterestHalfLifeMs);
                    _clusterAffinity[cluster] = _clusterAffinity.GetValueOrDefault(cluster) + record.Weight * recency;
                }
            }

            return _clusterAffinity;
        }
    }

    /// <summary>Topic groups of every video the user has been shown or engaged with.</summary>
    public HashSet<int> SeenClusters
    {
        get
        {
            if (_seenClusters is null)
            {
                _seenClusters = [];
                foreach (var videoId in State.Seen)
                {
                    var video = Catalog.IndexOf(videoId);
                    if (video >= 0)
                    {
                        _seenClusters.Add(Snapshot.ClusterOf(video));
                    }
                }
            }

            return _seenClusters;
        }
    }

    /// <summary>
    /// The user's collaborative factors, folded in from their latest engagements against the model's item factors (so
    /// that events since training count), or as trained when they have none in memory; null without a trained model.
    /// </summary>
    public float[]? CollaborativeVector
    {
        get
        {
            if (_collaborativeComputed)
            {
                return _collaborative;
            }

            _collaborativeComputed = true;
            var model = Snapshot.Model.Collaborative;
            if (model is null)
            {
                return null;
            }

            var weights = new Dictionary<int, float>();
            foreach (var record in State.Recent)
            {
                var video = Catalog.IndexOf(record.VideoId);
                if (video >= 0 && record.Weight != 0)
                {
                    weights[video] = weights.GetValueOrDefault(video) + record.Weight;
                }
            }

            _collaborative = weights.Count > 0
                ? model.FoldIn(weights.Select(w => (w.Key, w.Value)).ToList())
                : model.TrainedUser(User.Id);
            return _collaborative;
        }
    }

    /// <summary>The user's cluster: as trained, or the nearest one to the user's online vector; -1 without user clusters.</summary>
    public int UserCluster
    {
        get
        {
            if (_userCluster is { } known)
            {
                return known;
            }

            var clusters = Snapshot.Model.UserClusters;
            var content = Snapshot.Model.Content;
            _userCluster = clusters is null
                ? -1
                : clusters.ClusterOf(User.Id, () =>
                {
                    var factors = CollaborativeVector;
                    var interest = Interest;
                    if (factors is null && interest is null)
                    {
                        return null;
                    }

                    var f = Snapshot.Model.Collaborative?.Factors ?? 0;
                    return Clustering.UserClusterModel.UserVector(factors ?? new float[f], interest ?? new float[content.Dimension]);
                });
            return _userCluster.Value;
        }
    }

    public float CreatorAffinity(int creator) => State.AffinityAt(State.CreatorAffinity, Catalog.CreatorIds[creator], NowMs);

    public float SoundAffinity(int sound) => State.AffinityAt(State.SoundAffinity, Catalog.SoundIds[sound], NowMs);

    public bool Follows(int creator) => State.Follows.Contains(Catalog.CreatorIds[creator]);

    /// <summary>True while "not interested" keeps the video's creator or sound away.</summary>
    public bool IsFatigued(int video) =>
        State.CreatorFatigueUntil.GetValueOrDefault(Catalog.CreatorIds[Catalog.CreatorOf[video]]) > NowMs
        || State.SoundFatigueUntil.GetValueOrDefault(Catalog.SoundIds[Catalog.SoundOf[video]]) > NowMs;
}
