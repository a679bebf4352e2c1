using System.Xml.Linq;
using Portal.Engine;

namespace Portal.Tests.Engine;

/// <summary>The engine is a library: it must not depend on the web stack, the job host or the UI kit.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes = ["Microsoft.AspNetCore", "Hangfire", "MudBlazor"];

    [Fact]
    public void EngineAssembly_ReferencesNoWebJobOrUiAssembly()
    {
        var references = typeof(EngineServiceCollectionExtensions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void EngineProject_HasNoWebJobOrUiPackageOrFrameworkReference()
    {
        var project = XDocument.Load(FindEngineProject());
        var packages = project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? "").ToList();
        var frameworks = project.Descendants("FrameworkReference").Select(p => (string?)p.Attribute("Include") ?? "").ToList();
        var sdk = (string?)project.Root!.Attribute("Sdk") ?? "";

        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(frameworks, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Microsoft.NET.Sdk", sdk);
    }

    private static string FindEngineProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Portal.Engine", "Portal.Engine.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Portal.Engine/Portal.Engine.csproj was not found above the test output folder.");
    }
}
