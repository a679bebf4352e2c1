using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Catalog;

public sealed class UserQueriesTests
{
    [Theory, EachProvider]
    public async Task Search_ByCountryAndDevice_PagesOnTheServer(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(Portal.Engine.Synthetic.WorldPresets.Small, provider: provider);
        var queries = database.Get<UserQueries>();

        var all = await queries.SearchAsync(new UserSearch(), 0, 1_000);
        await using var db = await database.Contexts.CreateDbContextAsync();
        var us = db.Users.Where(u => u.Country == "US" && u.Device == DeviceType.Android).OrderBy(u => u.Id).ToList();
        var first = await queries.SearchAsync(new UserSearch(Country: "us", Device: "android"), 0, 5);
        var second = await queries.SearchAsync(new UserSearch(Country: "US", Device: "Android"), 1, 5);

        Assert.Equal(Portal.Engine.Synthetic.WorldPresets.Small.Users, all.Total);
        Assert.Equal(UserQueries.MaxPageSize, all.Items.Count);
        Assert.Equal(us.Count, first.Total);
        Assert.Equal(us.Take(5).Select(u => u.Id), first.Items.Select(u => u.Id));
        Assert.Equal(us.Skip(5).Take(5).Select(u => u.Id), second.Items.Select(u => u.Id));
    }

    [Theory, EachProvider]
    public async Task Search_ById_FindsExactlyThatUser(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);

        var page = await database.Get<UserQueries>().SearchAsync(new UserSearch(Id: 17), 0, 20);

        Assert.Equal(17, Assert.Single(page.Items).Id);
    }

    [Theory, EachProvider]
    public async Task Facets_SeededWorld_ListsEachLanguageAndCountryOnceInOrder(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        await using var db = await database.Contexts.CreateDbContextAsync();

        var facets = await database.Get<UserQueries>().FacetsAsync();

        Assert.Equal(db.Users.Select(u => u.Language).Distinct().AsEnumerable().Order(StringComparer.Ordinal), facets.Languages);
        Assert.Equal(db.Users.Select(u => u.Country).Distinct().AsEnumerable().Order(StringComparer.Ordinal), facets.Countries);
        Assert.Contains("en", facets.Languages);
    }

    [Theory, EachProvider]
    public async Task Timeline_NewestFirstWithoutImpressions(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var queries = database.Get<UserQueries>();

        var timeline = await queries.TimelineAsync(3, 30);

        Assert.NotEmpty(timeline);
        Assert.DoesNotContain(timeline, t => t.Kind == EngagementKind.Impression);
        Assert.Equal(timeline.OrderByDescending(t => t.At).Select(t => t.EventId), timeline.Select(t => t.EventId));
        Assert.All(timeline, t => Assert.False(string.IsNullOrEmpty(t.Caption)));
    }
}
