using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Contracts;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;

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

        users.MapGet("{id}", GetUser)
            .WithName("GetUser")
            .WithSummary("Read an app user's profile")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return users;
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
    public static Results<Ok<UserResponse>, ProblemHttpResult> GetUser(long id, UserDirectory users, ServingState serving, HttpContext context)
    {
        if (!serving.IsReady)
        {
            return ApiProblems.EngineNotReady(context);
        }

        return users.TryGet(id, out var user)
            ? TypedResults.Ok(new UserResponse(user.Id, user.Language, user.Country, DeviceTypes.NameOf(user.Device), user.Personalized, user.CreatedAt))
            : ApiProblems.NotFound($"There is no user {id}.");
    }
}
