namespace Portal.Engine.Representation;

/// <summary>
/// A sparse user × item matrix of implicit feedback in both row orders (by user and by item), each entry a
/// preference (1 wanted, 0 not) and a confidence (how sure the data is of that), as implicit ALS needs.
/// </summary>
public sealed class InteractionMatrix
{
    private InteractionMatrix(int users, int items, int[] userStart, int[] userItems, float[] userConfidence, float[] userPreference, int[] itemStart, int[] itemUsers, float[] itemConfidence, float[] itemPreference)
    {
        Users = users;
        Items = items;
        UserStart = userStart;
        UserItems = userItems;
        UserConfidence = userConfidence;
        UserPreference = userPreference;
        ItemStart = itemStart;
        ItemUsers = itemUsers;
        ItemConfidence = itemConfidence;
        ItemPreference = itemPreference;
    }

    public int Users { get; }

    public int Items { get; }

    /// <summary>Stored entries (observed user–item pairs).</summary>
    public int NonZeros => UserItems.Length;

    /// <summary>Row starts by user: entries of user u are <c>[UserStart[u], UserStart[u + 1])</c>.</summary>
    public int[] UserStart { get; }

    public int[] UserItems { get; }

    public float[] UserConfidence { get; }

    public float[] UserPreference { get; }

    /// <summary>Row starts by item.</summary>
    public int[] ItemStart { get; }

    public int[] ItemUsers { get; }

    public float[] ItemConfidence { get; }

    public float[] ItemPreference { get; }

    /// <summary>Builds the matrix from (user, item, preference, confidence) entries; a repeated pair keeps its last entry.</summary>
    public static InteractionMatrix From(int users, int items, IEnumerable<(int User, int Item, float Preference, float Confidence)> entries)
    {
        var byPair = new Dictionary<long, (float Preference, float Confidence)>();
        foreach (var (user, item, preference, confidence) in entries)
        {
            if ((uint)user >= (uint)users || (uint)item >= (uint)items)
            {
                throw new ArgumentOutOfRangeException(nameof(entries), $"Entry ({user}, {item}) is outside a {users} × {items} matrix.");
            }

            byPair[((long)user << 32) | (uint)item] = (preference, confidence);
        }

        var ordered = byPair.OrderBy(p => p.Key).ToArray();
        var userStart = new int[users + 1];
        var itemCount = new int[items + 1];
        foreach (var (key, _) in ordered)
        {
            userStart[(int)(key >> 32) + 1]++;
            itemCount[(int)(key & 0xFFFFFFFF) + 1]++;
        }

        for (var u = 0; u < users; u++)
        {
            userStart[u + 1] += userStart[u];
        }

        for (var i = 0; i < items; i++)
        {
            itemCount[i + 1] += itemCount[i];
        }

        var n = ordered.Length;
        var userItems = new int[n];
        var userConfidence = new float[n];
        var userPreference = new float[n];
        var itemUsers = new int[n];
        var itemConfidence = new float[n];
        var itemPreference = new float[n];
        var itemNext = (int[])itemCount.Clone();
        for (var k = 0; k < n; k++)
        {
            var (key, value) = ordered[k];
            var user = (int)(key >> 32);
            var item = (int)(key & 0xFFFFFFFF);
            userItems[k] = item;
            userConfidence[k] = value.Confidence;
            userPreference[k] = value.Preference;
            var slot = itemNext[item]++;
            itemUsers[slot] = user;
            itemConfidence[slot] = value.Confidence;
            itemPreference[slot] = value.Preference;
        }

        return new InteractionMatrix(users, items, userStart, userItems, userConfidence, userPreference, itemCount, itemUsers, itemConfidence, itemPreference);
    }
}
