using System.Reflection;
using Portal.Engine.Storage;
using Xunit.Sdk;

namespace Portal.Tests;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL: its single parameter is the <see cref="DatabaseProvider"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EachProviderAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.PostgreSql]];
}
