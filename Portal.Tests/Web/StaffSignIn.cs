using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Web;

/// <summary>Signs in over HTTP the way a browser does: read the login form, post it back with its antiforgery token.</summary>
public static partial class StaffSignIn
{
    public const string LoginPath = "/Account/Login";

    /// <summary>Posts the sign-in form; the response is the redirect (success) or the form again (failure).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? LoginPath : $"{LoginPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        using var form = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();

        var fields = HiddenInputs(html);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in and checks that it worked; the client keeps the cookie.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await PostAsync(client, email, password);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect after signing in, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The hidden inputs of a page's first form: the antiforgery token and Blazor's form handler name.</summary>
    public static Dictionary<string, string> HiddenInputs(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = Attribute(input.Value, "name");
            if (name is not null && !fields.ContainsKey(name))
            {
                fields[name] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
            }
        }

        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "The form has no antiforgery token.");
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\b{name}=""([^""]*)""");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
