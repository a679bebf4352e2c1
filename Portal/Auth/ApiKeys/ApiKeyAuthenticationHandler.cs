using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Portal.Auth.ApiKeys;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header against the in-memory <see cref="ApiKeyCache"/>: one
/// SHA-256 and one dictionary look-up, no database. A refused request gets a 401 problem that says what was wrong.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache cache,
    ApiKeyUsage usage)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string MissingKeyMessage = $"This API needs a key: send it in the {ApiKeyDefaults.HeaderName} header. Administrators create keys on the portal's API keys page.";

    public const string InvalidKeyMessage = $"The key in the {ApiKeyDefaults.HeaderName} header is not valid: it is unknown or has been revoked.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[ApiKeyDefaults.HeaderName];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.Count == 1 ? values[0]!.Trim() : "";
        await cache.EnsureLoadedAsync(Context.RequestAborted);
        if (!ApiKeySecrets.LooksLikeKey(key) || !cache.TryGet(ApiKeySecrets.Hash(key), out var client))
        {
            return AuthenticateResult.Fail(InvalidKeyMessage);
        }

        usage.Record(client.KeyId);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, client.Name),
                new Claim(ApiKeyDefaults.KeyIdClaim, client.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ApiKeyDefaults.KeyHashClaim, client.Hash),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", result.Failure is null ? MissingKeyMessage : InvalidKeyMessage);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key may not use this route.");
    }

    private Task WriteProblemAsync(int status, string title, string detail) =>
        Portal.Api.ApiProblems.WriteAsync(Context, new ProblemDetails { Status = status, Title = title, Detail = detail });
}
