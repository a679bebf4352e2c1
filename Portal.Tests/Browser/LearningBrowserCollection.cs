namespace Portal.Tests.Browser;

/// <summary>
/// The learning pages' browser tests train, promote and simulate, which changes the model and the data that other
/// browser tests read: they get a portal and a Chromium of their own (<see cref="PortalBrowserFixture"/>) and run on
/// their own, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LearningBrowserCollection : ICollectionFixture<PortalBrowserFixture>
{
    public const string Name = "Browser, learning";
}
