namespace Portal.Moderation;

/// <summary>A member of staff who has a case open right now.</summary>
public sealed record CaseViewer(string Email, string DisplayName, DateTime Since)
{
    /// <summary>"AL" for "Ada Lovelace".</summary>
    public string Initials
    {
        get
        {
            var parts = DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length switch
            {
                0 => Email.Length > 0 ? Email[..1].ToUpperInvariant() : "?",
                1 => parts[0][..1].ToUpperInvariant(),
                _ => (parts[0][..1] + parts[^1][..1]).ToUpperInvariant(),
            };
        }
    }
}
