namespace Portal.Tests.Browser;

/// <summary>The browser tests share one portal and one Chromium (<see cref="PortalBrowserFixture"/>) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalBrowserFixture>
{
    public const string Name = "Browser";
}
