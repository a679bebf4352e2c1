using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Auth.ApiKeys;
using Portal.Components.Pages.Rules;
using Portal.Engine.Diversity;
using Portal.Moderation;
using Portal.Users;

namespace Portal.Tests.Web.Auth;

/// <summary>
/// The permission matrix, tested for every pair of staff role and page, endpoint or action: what the role's policy
/// allows succeeds; what it does not is refused (a page or endpoint redirects to the access-denied page, an action
/// changes nothing) and the refusal is written to the audit trail. The tables below must name every routable page,
/// every staff endpoint and every service method that acts for a member of staff: a new one that is not in them (or
/// has no policy) fails <see cref="Pages_EveryRoutablePage_NamesAPolicyListedHere"/>,
/// <see cref="Endpoints_EveryStaffEndpoint_NamesAPolicyListedHere"/> or <see cref="Actions_EveryStaffAction_IsListedHere"/>.
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixFixture fixture) : IClassFixture<PermissionMatrixFixture>
{
    /// <summary>Every routable page: its route template, an address to open, and the policy it names.</summary>
    public static readonly IReadOnlyList<(string Template, string Url, string Policy)> Pages =
    [
        ("/", "/", Policies.ViewPortal),
        ("/users", "/users", Policies.ViewPortal),
        ("/users/{UserId:long}", "/users/3", Policies.ViewPortal),
        ("/rules", "/rules", Policies.ViewPortal),
        ("/how-recommendations-work", "/how-recommendations-work", Policies.ViewPortal),
        ("/not-found", "/not-found", Policies.ViewPortal),
        ("/moderation", "/moderation", Policies.ViewModeration),
        ("/moderation/cases/{CaseId:int}", "/moderation/cases/1", Policies.ViewModeration),
        ("/moderation/videos/{VideoId:int}", "/moderation/videos/5", Policies.ViewModeration),
        ("/moderation/creators/{CreatorId:int}", "/moderation/creators/1", Policies.ViewModeration),
        ("/moderation/sounds/{SoundId:int}", "/moderation/sounds/1", Policies.ViewModeration),
        ("/served-feeds", "/served-feeds", Policies.ViewServedFeeds),
        ("/served-feeds/{RequestId:guid}", "/served-feeds/5c2e64a1-7b0f-4f7e-9d55-0b8a1c2d3e4f", Policies.ViewServedFeeds),
        ("/audit", "/audit", Policies.ViewAudit),
        ("/staff", "/staff", Policies.ManageStaff),
        ("/api-keys", "/api-keys", Policies.ManageApiKeys),
        ("/training", "/training", Policies.ViewPortal),
        ("/clusters", "/clusters", Policies.ViewPortal),
        ("/clusters/{Cluster:int}", "/clusters/0", Policies.ViewPortal),
        ("/evaluation", "/evaluation", Policies.ViewPortal),
    ];

    /// <summary>Pages anyone may open: signing in and the error pages.</summary>
    public static readonly IReadOnlySet<string> AnonymousPages = new HashSet<string> { "/Account/Login", "/Account/AccessDenied", "/Error" };

    /// <summary>Staff endpoints that are not pages: method, path, policy.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, string Policy)> Endpoints =
    [
        ("GET", AuditEndpoints.ExportPath, Policies.ViewAudit),
    ];

    /// <summary>
    /// Endpoints that check a policy themselves rather than through endpoint metadata (so the portal's policies let them
    /// through): the Hangfire dashboard's authorization filter (<see cref="AdminDashboardAuthorizationFilter"/>) answers
    /// 401 or 403 instead of redirecting.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SelfAuthorizingEndpoints = new Dictionary<string, string>
    {
        ["GET /hangfire/{**path}"] = Policies.ViewJobsDashboard,
    };

    /// <summary>Endpoints open to anyone, and why.</summary>
    public static readonly IReadOnlySet<string> AnonymousEndpoints = new HashSet<string>
    {
        "POST /Account/Logout", // an account that lost its roles can still leave
        "GET /healthz", // load balancers
        "GET /openapi/{documentName}.json", // the API's description
        "GET /api/docs/{documentName?}", // the API's browsable reference and its files
        "GET /api/docs/scalar.js",
        "GET /api/docs/scalar.aspnetcore.js",
        "GET /api/docs/favicon.svg",
    };

    /// <summary>The framework's own routes that name no policy, so the fallback policy (a signed-in member of staff) applies.</summary>
    public static readonly IReadOnlySet<string> FallbackPolicyEndpoints = new HashSet<string> { "GET /{**path:file}", "HEAD /{**path:file}" };

    /// <summary>
    /// Every service method that acts for a member of staff (takes a <see cref="StaffCaller"/>), with its policy and
    /// a call that would pass every other check or fail for a reason of its own, so that only the permission decides.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string Policy, Func<IServiceProvider, StaffCaller, Task<object?>> Attempt)> Actions =
        new Dictionary<string, (string, Func<IServiceProvider, StaffCaller, Task<object?>>)>
        {
            ["StaffDirectory.CreateAsync"] = (Policies.ManageStaff, (s, c) => Result(s.GetRequiredService<StaffDirectory>().CreateAsync(c, new NewStaffAccount { Email = "not-an-email", DisplayName = "", Password = "", Roles = [] }))),
            ["StaffDirectory.SetRolesAsync"] = (Policies.ManageStaff, (s, c) => Result(s.GetRequiredService<StaffDirectory>().SetRolesAsync(c, "no-such-account", [StaffRoles.Auditor]))),
            ["StaffDirectory.UnlockAsync"] = (Policies.ManageStaff, (s, c) => Result(s.GetRequiredService<StaffDirectory>().UnlockAsync(c, "no-such-account"))),
            ["ApiKeyDirectory.CreateAsync"] = (Policies.ManageApiKeys, (s, c) => Result(s.GetRequiredService<ApiKeyDirectory>().CreateAsync(c, ""))),
            ["ApiKeyDirectory.RevokeAsync"] = (Policies.ManageApiKeys, (s, c) => Result(s.GetRequiredService<ApiKeyDirectory>().RevokeAsync(c, 987_654, "matrix"))),
            ["RulesPublisher.PublishAsync"] = (Policies.EditRules, async Task<object?> (s, c) =>
            {
                await using var scope = s.CreateAsyncScope();
                var active = s.GetRequiredService<DiversityRulesStore>().Active;
                return await scope.ServiceProvider.GetRequiredService<RulesPublisher>().PublishAsync(c, active.Rules with { MaxPerCreator = 0 }, "matrix");
            }),
            ["RulesPublisher.RollbackAsync"] = (Policies.EditRules, async Task<object?> (s, c) =>
            {
                await using var scope = s.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<RulesPublisher>().RollbackAsync(c, 987_654, "matrix");
            }),
            ["ReportIntake.FileAsync"] = (Policies.ReportContent, (s, c) => Result(s.GetRequiredService<ReportIntake>().FileAsync(c, new NewReport(987_654, ReportReasons.Spam, null, null)))),
            ["ModerationQueue.AssignAsync"] = (Policies.Moderate, (s, c) => Result(s.GetRequiredService<ModerationQueue>().AssignAsync(c, 987_654, null))),
            ["ModerationQueue.SetStatusAsync"] = (Policies.Moderate, (s, c) => Result(s.GetRequiredService<ModerationQueue>().SetStatusAsync(c, 987_654, CaseStatus.Escalated, "matrix"))),
            ["ModerationDesk.TakeAsync"] = (Policies.Moderate, (s, c) => Result(s.GetRequiredService<ModerationDesk>().TakeAsync(c, new ModerationRequest(ModerationActionKind.RemoveVideo, 5, "not-a-reason", "matrix")))),
            ["ModerationDesk.ApproveAsync"] = (Policies.Moderate, (s, c) => Result(s.GetRequiredService<ModerationDesk>().ApproveAsync(c, 987_654, null))),
            ["ModerationDesk.RejectAsync"] = (Policies.Moderate, (s, c) => Result(s.GetRequiredService<ModerationDesk>().RejectAsync(c, 987_654, "matrix"))),
            ["ModerationDesk.ReverseAsync"] = (Policies.Moderate, (s, c) => Result(s.GetRequiredService<ModerationDesk>().ReverseAsync(c, 987_654, ModerationReasons.ModeratorError, "matrix"))),
            ["PersonalizationSettings.SetAsync"] = (Policies.Moderate, (s, c) => Result(s.GetRequiredService<PersonalizationSettings>().SetAsync(c, 987_654, false))),
            ["TrainingActions.RunNowAsync"] = (Policies.ManageTraining, (s, c) => Training(s, a => a.RunNowAsync(c, "no-such-job"))),
            ["TrainingActions.SaveScheduleAsync"] = (Policies.ManageTraining, (s, c) => Training(s, a => a.SaveScheduleAsync(c, "no-such-job", "0 3 * * *", true))),
            ["TrainingActions.PromoteAsync"] = (Policies.ManageTraining, (s, c) => Training(s, a => a.PromoteAsync(c, 987_654, "matrix"))),
            ["TrainingActions.RollbackAsync"] = (Policies.ManageTraining, (s, c) => Training(s, a => a.RollbackAsync(c, " "))),
            ["TrainingActions.RenameClusterAsync"] = (Policies.ManageTraining, (s, c) => Training(s, a => a.RenameClusterAsync(c, 987_654, 0, "matrix"))),
            ["TrainingActions.SimulateAsync"] = (Policies.ManageTraining, (s, c) => Training(s, async a => (await a.SimulateAsync(c, 0, 0, null, CancellationToken.None)).Result)),
            ["AuditReview.VerifyAsync"] = (Policies.ViewAudit, (s, c) => Result(s.GetRequiredService<AuditReview>().VerifyAsync(c))),
            ["AuditReview.BeginExportAsync"] = (Policies.ViewAudit, (s, c) => Result(s.GetRequiredService<AuditReview>().BeginExportAsync(c, AuditFilter.None))),
        };

    public static TheoryData<string, string, string> PageCases => Cross(Pages.Select(p => (p.Url, p.Policy)));

    public static TheoryData<string, string, string> EndpointCases => Cross(Endpoints.Select(e => (e.Path, e.Policy)));

    public static TheoryData<string, string, string> ActionCases => Cross(Actions.Select(a => (a.Key, a.Value.Policy)));

    public static TheoryData<string, string> ApiCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var route in new[] { "POST /api/v1/users", "GET /api/v1/users/1", "GET /api/v1/users/1/feed", "POST /api/v1/events", "POST /api/v1/reports", "PUT /api/v1/users/1/personalization" })
            {
                foreach (var role in StaffRoles.All)
                {
                    data.Add(route, role);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Pages_EveryRoutablePage_NamesAPolicyListedHere()
    {
        var routable = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Type: t, r.Template)))
            .ToList();

        Assert.NotEmpty(routable);
        foreach (var (type, template) in routable)
        {
            var anonymous = type.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            var policy = type.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
            if (AnonymousPages.Contains(template))
            {
                Assert.True(anonymous, $"{type.Name} ({template}) is meant to be open to anyone.");
                continue;
            }

            Assert.False(anonymous, $"{type.Name} ({template}) allows anonymous access.");
            Assert.False(string.IsNullOrEmpty(policy), $"{type.Name} ({template}) names no policy: add @attribute [Authorize(Policy = Policies.X)].");
            Assert.Contains(Policies.All, p => p.Name == policy);
            var row = Pages.Where(p => p.Template == template).ToList();
            Assert.True(row.Count == 1, $"{type.Name} ({template}) is not in the permission matrix's page table.");
            Assert.Equal(row[0].Policy, policy);
        }

        Assert.Equal(Pages.Select(p => p.Template).Order(), routable.Select(r => r.Template).Where(t => !AnonymousPages.Contains(t)).Order());
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task Page_Role_IsShownOrRefusedAndRecorded(string url, string policy, string role)
    {
        var client = fixture.ClientFor(role);
        var actor = PermissionMatrixFixture.EmailOf(role);
        var path = url.Split('?')[0];
        var before = (await fixture.DenialsAsync(actor, $"page:{path}")).Count;

        using var response = await client.GetAsync(url);

        if (Policies.Allows(policy, role))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should open {url}; got {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Equal(before, (await fixture.DenialsAsync(actor, $"page:{path}")).Count);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            var denials = await fixture.DenialsAsync(actor, $"page:{path}");
            Assert.Equal(before + 1, denials.Count);
            Assert.Equal($"Needs the {policy} permission", denials[0].Reason);
            Assert.Equal($"GET {url}", denials[0].After);
        }
    }

    [Fact]
    public void Endpoints_EveryStaffEndpoint_NamesAPolicyListedHere()
    {
        var sources = fixture.App.Services.GetRequiredService<EndpointDataSource>();
        var endpoints = sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase))
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("_", StringComparison.Ordinal) && !(e.RoutePattern.RawText ?? "").StartsWith("/_", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .ToList();

        Assert.NotEmpty(endpoints);
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            foreach (var method in methods)
            {
                var key = $"{method} {pattern}";
                if (FallbackPolicyEndpoints.Contains(key))
                {
                    if (anonymous || policies.Count > 0)
                    {
                        problems.Add($"{key} was expected to fall under the fallback policy.");
                    }
                }
                else if (SelfAuthorizingEndpoints.ContainsKey(key))
                {
                    if (!anonymous || policies.Count > 0)
                    {
                        problems.Add($"{key} checks its own policy: the portal's policies must leave it to its filter.");
                    }
                }
                else if (AnonymousEndpoints.Contains(key))
                {
                    if (!anonymous)
                    {
                        problems.Add($"{key} ({endpoint.DisplayName}) is meant to be open to anyone.");
                    }
                }
                else if (Endpoints.Where(e => e.Method == method && e.Path == pattern).ToList() is not [var row])
                {
                    problems.Add($"{key} ({endpoint.DisplayName}) is neither in the permission matrix's endpoint table nor open to anyone on purpose.");
                }
                else if (!policies.SequenceEqual([row.Policy]))
                {
                    problems.Add($"{key} names {string.Join(", ", policies)}, not {row.Policy}.");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(EndpointCases))]
    public async Task Endpoint_Role_AnswersOrIsRefusedAndRecorded(string path, string policy, string role)
    {
        var client = fixture.ClientFor(role);
        var actor = PermissionMatrixFixture.EmailOf(role);
        var before = (await fixture.DenialsAsync(actor, $"endpoint:{path}")).Count;

        using var response = await client.GetAsync(path);

        if (Policies.Allows(policy, role))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(before + 1, (await fixture.DenialsAsync(actor, $"endpoint:{path}")).Count);
        }
    }

    public static TheoryData<string, string, string> SelfAuthorizingCases =>
        Cross(SelfAuthorizingEndpoints.Select(e => (e.Key.Split(' ')[1].Replace("{**path}", "jobs/enqueued", StringComparison.Ordinal), e.Value)));

    /// <summary>The jobs dashboard: the allowed role opens it; the others get 403 and the refusal is recorded.</summary>
    [Theory]
    [MemberData(nameof(SelfAuthorizingCases))]
    public async Task SelfAuthorizingEndpoint_Role_AnswersOr403AndRecorded(string path, string policy, string role)
    {
        var client = fixture.ClientFor(role);
        var actor = PermissionMatrixFixture.EmailOf(role);
        var before = (await fixture.DenialsAsync(actor)).Count;

        using var response = await client.GetAsync(path);

        if (Policies.Allows(policy, role))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var denials = await fixture.DenialsAsync(actor);
            Assert.Equal(before + 1, denials.Count);
            Assert.Equal($"Needs the {policy} permission", denials[0].Reason);
        }
    }

    [Fact]
    public void Api_EveryRoute_NeedsAnApiKey()
    {
        var sources = fixture.App.Services.GetRequiredService<EndpointDataSource>();
        var routes = sources.Endpoints.OfType<RouteEndpoint>().Where(e => (e.RoutePattern.RawText ?? "").StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Equal(6, routes.Count);
        Assert.All(routes, route => Assert.Contains(route.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == ApiKeyDefaults.Policy));
    }

    /// <summary>The API is for apps: a staff session alone, whatever its roles, is not an API key.</summary>
    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task Api_StaffSessionWithoutKey_Is401(string route, string role)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = Portal.Tests.Web.Api.ApiJson.Body("{}");
        }

        using var response = await fixture.ClientFor(role).SendAsync(request);

        await Portal.Tests.Web.Api.ApiJson.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Actions_EveryStaffAction_IsListedHere()
    {
        var acting = typeof(Program).Assembly.GetTypes()
            .Where(t => t != typeof(StaffAuthorization) && t != typeof(StaffCaller))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(StaffCaller))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct()
            .Order()
            .ToList();

        Assert.Equal(acting, Actions.Keys.Order());
        Assert.All(Actions.Values, action => Assert.Contains(Policies.All, p => p.Name == action.Policy));
    }

    [Theory]
    [MemberData(nameof(ActionCases))]
    public async Task Action_Role_IsCarriedOutOrRefusedAndRecorded(string action, string policy, string role)
    {
        // A caller of its own per case, so that its refusals are told apart from every other test's.
        var actor = $"{action.Replace('.', '-').ToLowerInvariant()}-{role.ToLowerInvariant()}@matrix.test";
        var caller = TestStaff.Caller(actor, role);

        var result = await Actions[action].Attempt(fixture.App.Services, caller);

        var denials = await fixture.DenialsAsync(actor);
        if (Policies.Allows(policy, role))
        {
            Assert.Empty(denials);
            Assert.False(IsRefusal(result, policy), $"{role} was refused {action}.");
        }
        else
        {
            Assert.True(IsRefusal(result, policy), $"{action} went ahead for {role}.");
            var denial = Assert.Single(denials);
            Assert.Equal($"Needs the {policy} permission", denial.Reason);
            Assert.Equal(caller.ClientAddress, denial.ClientAddress);
        }
    }

    private static async Task<object?> Training<T>(IServiceProvider services, Func<Portal.Components.Pages.Training.TrainingActions, Task<T>> attempt)
    {
        await using var scope = services.CreateAsyncScope();
        return await attempt(scope.ServiceProvider.GetRequiredService<Portal.Components.Pages.Training.TrainingActions>());
    }

    private static async Task<object?> Result<T>(Task<T> attempt) => await attempt;

    /// <summary>
    /// Whether an action's result is its refusal for want of <paramref name="policy"/>: the permission sentence the
    /// services return when the check fails (or, for the audit review, nothing). Only the early return after a failed
    /// check gives it, so an action that recorded the refusal and went ahead anyway is caught.
    /// </summary>
    private static bool IsRefusal(object? result, string policy)
    {
        if (result is null)
        {
            return true;
        }

        var text = JsonSerializer.Serialize(result, RefusalJson);
        return new[] { StaffAuthorization.RefusalMessage(policy), Portal.Components.Pages.Training.TrainingActions.PermissionMessage, RulesPublisher.PermissionMessage }
            .Any(message => text.Contains(message, StringComparison.Ordinal));
    }

    private static readonly JsonSerializerOptions RefusalJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles,
    };

    private static TheoryData<string, string, string> Cross(IEnumerable<(string Subject, string Policy)> rows)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (subject, policy) in rows)
        {
            foreach (var role in StaffRoles.All)
            {
                data.Add(subject, policy, role);
            }
        }

        return data;
    }
}
