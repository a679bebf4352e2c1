using Microsoft.Extensions.FileProviders;

namespace Portal.Hosting;

/// <summary>
/// The portal's own static files (css, images, favicon, thumbnails) live once, in the top-level
/// <c>wwwroot-assets/</c> folder of the repository; the build copies them next to the binaries.
/// This finds that folder from the content root, its parent, or the application's base directory.
/// </summary>
public sealed class PortalAssets
{
    public const string FolderName = "wwwroot-assets";

    private PortalAssets(string root) => Root = root;

    /// <summary>The full path of the folder the assets are served from.</summary>
    public string Root { get; }

    public IFileProvider CreateFileProvider() => new PhysicalFileProvider(Root);

    public static PortalAssets Locate(string contentRoot)
    {
        var candidates = new List<string> { Path.Combine(contentRoot, FolderName) };
        if (Directory.GetParent(Path.GetFullPath(contentRoot)) is { } parent)
        {
            candidates.Add(Path.Combine(parent.FullName, FolderName));
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, FolderName));
        var found = candidates.FirstOrDefault(Directory.Exists);
        return found is not null
            ? new PortalAssets(Path.GetFullPath(found))
            : throw new DirectoryNotFoundException($"The portal's static files ({FolderName}) were not found. Looked in: {string.Join(", ", candidates)}.");
    }
}
