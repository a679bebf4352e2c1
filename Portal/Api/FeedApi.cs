using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Api.Contracts;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;

namespace Portal.Api;

/// <summary><c>GET /api/v1/users/{id}/feed</c>: the next batch of a user's For You feed.</summary>
public static partial class FeedApi
{
    public static RouteHandlerBuilder MapFeedApi(this IEndpointRouteBuilder api) =>
        api.MapGet("users/{id}/feed", GetFeedAsync)
            .WithTags("Feed")
            .WithName("GetFeed")
            .WithSummary("The next batch of a user's feed")
            .WithDescription("Builds the next 8 videos for the user from everything they did so far; each call is a new batch and is recorded in the served log. With explain=true every item also carries its sources, score, rank before the diversity rules, feature values and the rules' effects.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(DescribeBothShapesAsync);

    /// <param name="id">The user's id.</param>
    /// <param name="explain">True for the full explanation of every item.</param>
    /// <param name="device">Overrides the user's device for this request: ios, android, web or tablet. Empty: the user's own.</param>
    /// <param name="country">Overrides the user's country for this request: a two-letter code such as "US". Empty: the user's own.</param>
    public static async Task<Results<Ok<FeedResponse>, Ok<ExplainedFeedResponse>, ValidationProblem, ProblemHttpResult>> GetFeedAsync(
        long id,
        bool? explain,
        string? device,
        string? country,
        FeedService feed,
        HttpContext context,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DeviceType? requestDevice = null;
        if (!string.IsNullOrWhiteSpace(device))
        {
            if (DeviceTypes.TryParse(device, out var parsed))
            {
                requestDevice = parsed;
            }
            else
            {
                errors["device"] = [$"\"{Shorten(device)}\" is not a device type; use {string.Join(", ", DeviceTypes.Names)}."];
            }
        }

        if (string.IsNullOrWhiteSpace(country))
        {
            country = null;
        }
        else if (!CountryPattern().IsMatch(country.Trim()))
        {
            errors["country"] = [$"\"{Shorten(country)}\" is not a country code; use two letters such as \"US\" or \"BR\"."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors, "No feed was built: correct the query parameters listed in errors.");
        }

        FeedBatch? batch;
        try
        {
            batch = await feed.NextBatchAsync(new FeedRequest(id, new RequestContext(requestDevice, country)), ct);
        }
        catch (EngineNotReadyException)
        {
            return ApiProblems.EngineNotReady(context);
        }

        if (batch is null)
        {
            return ApiProblems.NotFound($"There is no user {id}. Register users with POST /api/v1/users.");
        }

        return explain == true ? TypedResults.Ok(Explained(batch)) : TypedResults.Ok(Plain(batch));
    }

    private static FeedResponse Plain(FeedBatch batch) => new(
        batch.RequestId,
        batch.BatchNumber,
        batch.ColdStart,
        batch.RulesVersion,
        batch.ModelVersion,
        batch.Shortfall,
        batch.Relaxed,
        [.. batch.Items.Select(i => new FeedItemResponse(i.VideoId, i.CreatorId, i.SoundId, i.Caption, i.Hashtags, i.ClusterName, [.. i.Reasons.Select(r => r.Text)]))]);

    private static ExplainedFeedResponse Explained(FeedBatch batch) => new(
        batch.RequestId,
        batch.BatchNumber,
        batch.ColdStart,
        batch.RulesVersion,
        batch.ModelVersion,
        batch.Shortfall,
        batch.Relaxed,
        [.. batch.Items.Select(Explained)],
        batch.Personalized,
        batch.Device,
        batch.Country,
        batch.Language,
        batch.Ranker,
        batch.CandidateCount,
        [.. batch.Blocked.Select(b => new BlockedVideoResponse(b.VideoId, b.RankBefore, b.Rule, b.Explanation))]);

    private static ExplainedFeedItemResponse Explained(FeedItem item)
    {
        var features = new Dictionary<string, float>(RankingFeatures.Count, StringComparer.Ordinal);
        for (var f = 0; f < RankingFeatures.Count && f < item.Features.Count; f++)
        {
            features[RankingFeatures.Names[f]] = item.Features[f];
        }

        return new ExplainedFeedItemResponse(
            item.VideoId,
            item.CreatorId,
            item.CreatorHandle,
            item.SoundId,
            item.SoundTitle,
            item.Caption,
            item.Hashtags,
            item.ClusterName,
            item.Cluster,
            item.Language,
            [.. item.Reasons.Select(r => new FeedReasonResponse(r.Source, r.Code, r.Text))],
            [.. item.Reasons.Select(r => r.Source).Distinct(StringComparer.Ordinal)],
            item.Score,
            item.RankBefore,
            item.Position,
            item.Exploration,
            features,
            item.RuleEffects);
    }

    /// <summary>OpenAPI keeps one schema per status code; the 200 of this route is one of two shapes, depending on <c>explain</c>.</summary>
    private static async Task DescribeBothShapesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok!.Content is null)
        {
            return;
        }

        var plain = await context.GetOrCreateSchemaAsync(typeof(FeedResponse), cancellationToken: ct);
        var explained = await context.GetOrCreateSchemaAsync(typeof(ExplainedFeedResponse), cancellationToken: ct);
        context.Document?.AddComponent(nameof(FeedResponse), plain);
        context.Document?.AddComponent(nameof(ExplainedFeedResponse), explained);
        var either = new OpenApiSchema
        {
            Description = "A FeedResponse; with explain=true an ExplainedFeedResponse.",
            OneOf =
            [
                new OpenApiSchemaReference(nameof(FeedResponse), context.Document),
                new OpenApiSchemaReference(nameof(ExplainedFeedResponse), context.Document),
            ],
        };
        foreach (var media in ok.Content.Values)
        {
            media.Schema = either;
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryPattern();
}
