using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Catalog;

public sealed class UserDirectoryTests
{
    [Theory, EachProvider]
    public async Task Create_SameIdTwiceAtOnce_OneSucceedsTheOtherIsAConflict(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var users = database.Get<UserDirectory>();
        var request = new NewUser(900_001, "en", "US", "ios");

        // Both calls pass the in-memory check before either insert is committed: the database has the last word.
        var outcomes = await Task.WhenAll(users.CreateAsync(request), users.CreateAsync(request));

        Assert.Single(outcomes, o => o.Succeeded);
        var conflict = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.True(conflict.Conflict);
        Assert.Equal("A user with id 900001 already exists.", conflict.Errors["id"].Single());
        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Id == 900_001));
    }

    [Theory, EachProvider]
    public async Task Create_ExistingId_IsAConflictWithoutWriting(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);

        var outcome = await database.Get<UserDirectory>().CreateAsync(new NewUser(1, "en", "US", "ios"));

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Conflict);
    }
}
