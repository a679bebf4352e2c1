using System.Numerics.Tensors;

namespace Portal.Engine.Representation;

/// <summary>
/// The collaborative half of a model: ALS item factors aligned to the catalog snapshot, the users' factors as of
/// training, and what folding a user in needs, so that a user's latest engagements (or a user the model has never
/// seen) get a factor vector online, between trainings.
/// </summary>
public sealed class CollaborativeModel
{
    private readonly Dictionary<long, int> _userIndex;
    private readonly float[] _userFactors;

    public CollaborativeModel(int factors, float[] itemFactors, bool[] hasItem, Dictionary<long, int> userIndex, float[] userFactors, AlsOptions options)
    {
        Factors = factors;
        ItemFactors = itemFactors;
        HasItem = hasItem;
        _userIndex = userIndex;
        _userFactors = userFactors;
        Options = options;
        Gram = ImplicitAls.RegularizedGram(itemFactors, factors, options.Regularization);
    }

    public int Factors { get; }

    /// <summary>Item factors indexed like the catalog snapshot; zero rows for videos training never saw.</summary>
    public float[] ItemFactors { get; }

    public bool[] HasItem { get; }

    public AlsOptions Options { get; }

    /// <summary>YᵀY + λI of the item factors.</summary>
    public float[] Gram { get; }

    public int TrainedUsers => _userIndex.Count;

    public IEnumerable<long> UserIds => _userIndex.Keys;

    public ReadOnlySpan<float> Item(int video) => ItemFactors.AsSpan(video * Factors, Factors);

    public float[]? TrainedUser(long userId) =>
        _userIndex.TryGetValue(userId, out var row) ? _userFactors.AsSpan(row * Factors, Factors).ToArray() : null;

    public float Score(ReadOnlySpan<float> user, int video) => TensorPrimitives.Dot(user, Item(video));

    /// <summary>Factors for a user from their engagements (video index, summed engagement weight), weighted as in training.</summary>
    public float[] FoldIn(IReadOnlyList<(int Video, float Weight)> engagements, int steps = 8)
    {
        var items = new List<int>(engagements.Count);
        var confidence = new List<float>(engagements.Count);
        var preference = new List<float>(engagements.Count);
        foreach (var (video, weight) in engagements)
        {
            if (video < 0 || video >= HasItem.Length || !HasItem[video] || weight == 0)
            {
                continue;
            }

            items.Add(video);
            confidence.Add(weight > 0 ? 1 + Options.Alpha * weight : 1 + Options.NegativeAlpha * -weight);
            preference.Add(weight > 0 ? 1 : 0);
        }

        return ImplicitAls.FoldIn(Gram, ItemFactors, Factors, items.ToArray(), confidence.ToArray(), preference.ToArray(), steps);
    }
}
