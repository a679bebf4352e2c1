using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Contracts;
using Portal.Audit;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Users;

namespace Portal.Api;

/// <summary><c>/api/v1/users</c>: registering app users and reading their profiles.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder api, ApiOptions options)
    {
        var users = api.MapGroup("users").WithTags("Users");

        users.MapPost("", CreateUserAsync)
            .WithName("CreateUser")
            .WithSummary("Register an app user")
            .WithDescription("Registers a user with a language, a country and a device. The first feed of a new user is a cold start: 8 popular videos across different topics, sounds and creators.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestBodyLimit(options.UsersMaxBodyBytes);

        users.MapGet("{id}", GetUserAsync)
            .WithName("GetUser")
            .WithSummary("Read an app user's profile")
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPut("{id}/personalization", SetPersonalizationAsync)
            .WithName("SetPersonalization")
            .WithSummary("Turn a user's personalised feed on or off")
            .WithDescription("With personalized=false the user's next batches are chosen only by popularity in their region and the diversity rules, and every item's reasons say so; true turns personalisation back on. Takes effect from the next feed request.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestBodyLimit(options.UsersMaxBodyBytes);

        return users;
    }

    /// <param name="id">The user's id.</param>
    public static async Task<Results<Ok<PersonalizationResponse>, ValidationProblem, ProblemHttpResult>> SetPersonalizationAsync(
        long id, SetPersonalizationRequest request, PersonalizationSettings settings, ServingState serving, HttpContext context, CancellationToken ct)
    {
        if (!serving.IsReady)
        {
            return ApiProblems.EngineNotReady(context);
        }

        if (request.Personalized is not { } personalized)
        {
            return ApiProblems.Validation(
                new Dictionary<string, string[]> { ["personalized"] = ["The personalized field is required: true or false."] },
                "Nothing was changed: correct the fields listed in errors.");
        }

        var actor = AuditActor.ApiKey(context.User.Identity?.Name ?? "unknown", context.Connection.RemoteIpAddress?.ToString());
        var change = await settings.SetAsync(actor, id, personalized, ct);
        return change.NotFound
            ? ApiProblems.NotFound($"There is no user {id}. Register users with POST /api/v1/users.")
            : TypedResults.Ok(new PersonalizationResponse(id, change.After));
    }

    public static async Task<Results<Created<CreatedUserResponse>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        CreateUserRequest request, UserDirectory users, ServingState serving, HttpContext context, CancellationToken ct)
    {
        if (!serving.IsReady)
        {
            return ApiProblems.EngineNotReady(context);
        }

        var creation = await users.CreateAsync(new NewUser(request.Id, request.Language, request.Country, request.Device), ct);
        if (creation.Conflict)
        {
            return ApiProblems.Conflict(creation.Errors.Values.SelectMany(e => e).First(), creation.Errors);
        }

        if (!creation.Succeeded)
        {
            return ApiProblems.Validation(creation.Errors, "The user was not registered: correct the fields listed in errors.");
        }

        var id = creation.User!.Id;
        return TypedResults.Created($"/api/v1/users/{id}", new CreatedUserResponse(id));
    }

    /// <param name="id">The user's id.</param>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUserAsync(long id, UserDirectory users, ServingState serving, HttpContext context)
    {
        if (!serving.IsReady)
        {
            return ApiProblems.EngineNotReady(context);
        }

        return await users.FindAsync(id, context.RequestAborted) is { } user
            ? TypedResults.Ok(new UserResponse(user.Id, user.Language, user.Country, DeviceTypes.NameOf(user.Device), user.Personalized, user.CreatedAt))
            : ApiProblems.NotFound($"There is no user {id}.");
    }
}
