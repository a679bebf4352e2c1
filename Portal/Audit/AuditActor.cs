namespace Portal.Audit;

/// <summary>Who did something, as the audit trail records it.</summary>
/// <param name="Name">A staff member's sign-in email; "system" for the portal itself; the tool or API key otherwise.</param>
/// <param name="ClientAddress">The IP address the request came from; null when there was none (the command line, the portal itself).</param>
public sealed record AuditActor(string Name, string? ClientAddress = null)
{
    /// <summary>The portal acting on its own (start-up, background work).</summary>
    public static AuditActor System { get; } = new("system");

    /// <summary>An app calling the HTTP API with a key.</summary>
    public static AuditActor ApiKey(string keyName, string? clientAddress) => new($"api key \"{keyName}\"", clientAddress);
}
