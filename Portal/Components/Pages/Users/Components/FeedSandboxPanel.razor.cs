using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;

namespace Portal.Components.Pages.Users.Components;

/// <summary>
/// A <see cref="FeedSandbox"/> for one user, kept for as long as the page is open: pretend engagements go to a
/// copy of the user's state, and each "Next batch" shows how the copy's feed reacts.
/// </summary>
public partial class FeedSandboxPanel
{
    private static readonly (EngagementKind Kind, string Label, Color Color)[] Marks =
    [
        (EngagementKind.Like, "Like", Color.Success),
        (EngagementKind.Skip, "Skip", Color.Default),
        (EngagementKind.NotInterested, "Not interested", Color.Error),
    ];

    [Parameter, EditorRequired]
    public long UserId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private FeedService Feed { get; set; } = default!;

    [Inject]
    private ServingState Serving { get; set; } = default!;

    [Inject]
    private DiversityRulesStore Rules { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<FeedSandboxPanel> Log { get; set; } = default!;

    private FeedSandbox? _sandbox;
    private FeedBatch? _batch;
    private int _batchCount;
    private readonly Dictionary<int, EngagementKind> _marks = [];
    private SandboxChange? _change;
    private bool _loading;
    private string? _error;

    private async Task StartAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            var staff = (await AuthenticationState).User.Identity?.Name;
            _sandbox = await Feed.CreateSandboxAsync(UserId, staff);
            if (_sandbox is null)
            {
                _error = $"The engine does not know user {UserId} yet. If the user was just created, try again in a moment.";
                return;
            }

            _marks.Clear();
            _change = null;
            _batchCount = 1;
            _batch = _sandbox.Next(Serving, Rules, Time);
        }
        catch (EngineNotReadyException)
        {
            _error = "The engine is still starting; try again in a few seconds.";
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Starting a sandbox for user {UserId} failed", UserId);
            _error = "The sandbox could not start. Try again; if it keeps failing, the log says why.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void Mark(FeedItem item, EngagementKind kind)
    {
        if (_sandbox is null || _marks.ContainsKey(item.VideoId))
        {
            return;
        }

        try
        {
            _sandbox.Mark(item.VideoId, kind, Serving, Time);
            _marks[item.VideoId] = kind;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Marking video {VideoId} in the sandbox of user {UserId} failed", item.VideoId, UserId);
            _error = "That did not work. Try again, or reset the sandbox.";
        }
    }

    private void Next()
    {
        if (_sandbox is null || _batch is null)
        {
            return;
        }

        try
        {
            var previous = _batch;
            var marks = new Dictionary<int, EngagementKind>(_marks);
            _batch = _sandbox.Next(Serving, Rules, Time);
            _batchCount++;
            _marks.Clear();
            _change = Describe(previous, marks, _batch);
            _error = null;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "The next sandbox batch for user {UserId} failed", UserId);
            _error = "The next batch could not be built. Try again, or reset the sandbox.";
        }
    }

    /// <summary>What the marks were and how the topic groups moved from one batch to the next.</summary>
    private static SandboxChange Describe(FeedBatch previous, Dictionary<int, EngagementKind> marks, FeedBatch next)
    {
        var liked = marks.Count(m => m.Value == EngagementKind.Like);
        var skipped = marks.Count(m => m.Value == EngagementKind.Skip);
        var notInterested = marks.Count(m => m.Value == EngagementKind.NotInterested);
        var did = new List<string>();
        if (liked > 0)
        {
            did.Add($"liked {liked}");
        }

        if (skipped > 0)
        {
            did.Add($"skipped {skipped}");
        }

        if (notInterested > 0)
        {
            did.Add($"said “not interested” to {notInterested}");
        }

        var before = previous.Items.Select(i => i.ClusterName).Distinct().ToList();
        var after = next.Items.Select(i => i.ClusterName).Distinct().ToList();
        var likedGroups = previous.Items.Where(i => marks.GetValueOrDefault(i.VideoId) == EngagementKind.Like).Select(i => i.ClusterName).ToHashSet();
        return new SandboxChange(
            did.Count == 0 ? "You marked nothing in the last batch." : $"In the last batch you {string.Join(", ", did)}.",
            after.Except(before).ToList(),
            before.Intersect(after).ToList(),
            before.Except(after).ToList(),
            likedGroups.Count == 0 ? null : next.Items.Count(i => likedGroups.Contains(i.ClusterName)),
            next.Items.Count);
    }

    /// <summary>How a sandbox batch differs from the one before: what was marked, which topic groups came, stayed and left.</summary>
    private sealed record SandboxChange(string Did, IReadOnlyList<string> Came, IReadOnlyList<string> Stayed, IReadOnlyList<string> Left, int? FromLiked, int Count);
}
