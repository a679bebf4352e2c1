using System.Net;
using Portal.Engine.Synthetic;
using Portal.Hosting;

namespace Portal.Tests.Web.Hosting;

public sealed class PortalAssetsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/thumbnails/bunnies.svg", "image/svg+xml")]
    [InlineData("/thumbnails/default.svg", "image/svg+xml")]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/img/logo.svg", "image/svg+xml")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Get_Anonymous_ServesTheFileWithItsContentType(string path, string contentType)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_MudBlazorStylesheet_IsServedToAnonymousVisitors()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Thumbnails_EveryTheme_HasOne()
    {
        var assets = PortalAssets.Locate(AppContext.BaseDirectory);

        foreach (var theme in ThemeCatalog.All)
        {
            Assert.True(File.Exists(Path.Combine(assets.Root, "thumbnails", theme.Key + ".svg")), $"No thumbnail for the {theme.Key} theme.");
        }
    }
}
