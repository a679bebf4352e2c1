using Portal.Engine.Storage;

namespace Portal.Tests.Web;

/// <summary>One plain <see cref="PortalAppFactory"/> per provider.</summary>
public sealed class PortalAppFactories : AppFactoriesByProvider<PortalAppFactory>
{
    protected override PortalAppFactory Create(DatabaseProvider provider) => new(provider);
}
