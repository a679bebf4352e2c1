namespace Portal.Engine.Representation;

/// <summary>
/// Turns a video's caption, hashtags and sound into weighted tokens: hashtags as <c>#tag</c> (weight 2),
/// caption words of two letters or more in lower case (weight 1), and the sound as <c>sound:ID</c> (weight 1.5),
/// so that videos sharing a sound come out similar.
/// </summary>
public static class ContentTokenizer
{
    public const float HashtagWeight = 2f;
    public const float WordWeight = 1f;
    public const float SoundWeight = 1.5f;

    public static void Tokenize(string caption, IEnumerable<string> hashtags, int soundId, Dictionary<string, float> into)
    {
        into.Clear();
        foreach (var tag in hashtags)
        {
            Add(into, "#" + tag, HashtagWeight);
        }

        Add(into, "sound:" + soundId.ToString(System.Globalization.CultureInfo.InvariantCulture), SoundWeight);

        var span = caption.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var isWord = i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] == '-' || span[i] == '\'');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                if (i - start >= 2)
                {
                    Add(into, span[start..i].ToString().ToLowerInvariant(), WordWeight);
                }

                start = -1;
            }
        }
    }

    private static void Add(Dictionary<string, float> tokens, string token, float weight) =>
        tokens[token] = tokens.GetValueOrDefault(token) + weight;
}
