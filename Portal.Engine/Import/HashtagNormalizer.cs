using System.Text;

namespace Portal.Engine.Import;

/// <summary>
/// Turns a data set's genre, tag, topic or category name into a hashtag: lower case, a leading '#' dropped, runs of
/// spaces and hyphens become one hyphen, any other character that is not a letter, digit or underscore is dropped
/// (letters of every script are kept), at most 100 characters. <c>Sci-Fi</c> → <c>sci-fi</c>, <c>Children's</c> →
/// <c>childrens</c>, <c>dark hero</c> → <c>dark-hero</c>, <c>美食</c> → <c>美食</c>. Null when nothing is left.
/// </summary>
public static class HashtagNormalizer
{
    public const int MaxLength = 100;

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = new StringBuilder(raw.Length);
        var pendingHyphen = false;
        foreach (var c in raw.Trim().TrimStart('#').ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                if (pendingHyphen && text.Length > 0)
                {
                    text.Append('-');
                }

                pendingHyphen = false;
                text.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c == '-')
            {
                pendingHyphen = true;
            }
        }

        if (text.Length > MaxLength)
        {
            text.Length = MaxLength;
        }

        var tag = text.ToString().TrimEnd('-');
        return tag.Length == 0 ? null : tag;
    }
}
