using Microsoft.Extensions.Time.Testing;
using Portal.Moderation;

namespace Portal.Tests.Web.Moderation;

public sealed class CasePresenceTests
{
    [Fact]
    public void Enter_TwoTabsOfOnePersonAndAnother_ShowsEachPersonOnceUntilTheyLeave()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var presence = new CasePresence(clock);
        var changed = new List<int>();
        presence.Changed += changed.Add;

        var adaTab1 = presence.Enter("circuit-1", 7, "ada@example.com", "Ada Lovelace");
        clock.Advance(TimeSpan.FromSeconds(5));
        var adaTab2 = presence.Enter("circuit-2", 7, "ada@example.com", "Ada Lovelace");
        var grace = presence.Enter("circuit-3", 7, "grace@example.com", "Grace Hopper");
        using var elsewhere = presence.Enter("circuit-3", 8, "grace@example.com", "Grace Hopper");

        Assert.Equal(["AL", "GH"], presence.ViewersOf(7).Select(v => v.Initials));
        adaTab1.Dispose();
        Assert.Equal(["ada@example.com", "grace@example.com"], presence.ViewersOf(7).Select(v => v.Email));
        adaTab2.Dispose();
        adaTab2.Dispose();
        Assert.Equal(["grace@example.com"], presence.ViewersOf(7).Select(v => v.Email));
        grace.Dispose();
        Assert.Empty(presence.ViewersOf(7));
        Assert.Single(presence.ViewersOf(8));
        Assert.Equal([7, 7, 7, 8, 7, 7, 7], changed);
    }

    [Fact]
    public void Connection_DownThenUpThenClosed_HidesShowsAndForgetsTheCircuit()
    {
        var presence = new CasePresence(TimeProvider.System);
        presence.Enter("circuit-1", 3, "ada@example.com", "Ada");

        presence.SetConnected("circuit-1", connected: false);
        Assert.Empty(presence.ViewersOf(3));
        presence.SetConnected("circuit-1", connected: true);
        Assert.Single(presence.ViewersOf(3));
        presence.RemoveCircuit("circuit-1");
        Assert.Empty(presence.ViewersOf(3));
    }
}
