using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

/// <summary>One <see cref="ApiAppFactory"/> (tiny world, an API key) per provider.</summary>
public sealed class ApiAppFactories : AppFactoriesByProvider<ApiAppFactory>
{
    protected override ApiAppFactory Create(DatabaseProvider provider) => new(provider);
}
