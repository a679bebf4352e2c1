using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Portal.Engine.Catalog;
using Portal.Engine.Clustering;
using Portal.Engine.Ranking;
using Portal.Engine.Representation;

namespace Portal.Engine.Training;

/// <summary>
/// A trained model as it is stored: everything keyed by video and user ids (not snapshot indices), in one folder per
/// version with a manifest that lists every file's SHA-256. <see cref="Load"/> refuses a folder whose files do not
/// match; <see cref="AlignTo"/> turns the artifacts into a <see cref="RecommenderModel"/> for the catalog being served,
/// giving videos added since training a content vector (from the saved featuriser) and their nearest cluster.
/// </summary>
public sealed class ModelArtifacts
{
    private const uint Magic = 0x50524D31; // "PRM1"
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required ModelManifest Manifest { get; set; }

    public required int[] VideoIds { get; init; }

    public required int ContentDimension { get; init; }

    public required float[] Content { get; init; }

    public required byte[] ContentModelZip { get; init; }

    public required int[] ClusterOf { get; init; }

    public required string[] ClusterNames { get; set; }

    public required float[] ClusterCentroids { get; init; }

    public required int CentroidDimension { get; init; }

    public required AlsOptions Als { get; init; }

    public required float[] ItemFactors { get; init; }

    public required bool[] HasItem { get; init; }

    public required long[] UserIds { get; init; }

    public required float[] UserFactors { get; init; }

    public required int UserClusterDimension { get; init; }

    public required float[] UserCentroids { get; init; }

    public required long[] ClusteredUserIds { get; init; }

    public required int[] UserClusterOf { get; init; }

    public required UserClusterProfile[] UserClusterProfiles { get; init; }

    public required float[] Affinity { get; init; }

    public byte[]? RankerZip { get; set; }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);

        void Write(string name, byte[] bytes)
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
            files[name] = Convert.ToHexString(SHA256.HashData(bytes));
        }

        Write("videos.bin", Pack(VideoIds));
        Write("content.bin", Pack(Content));
        Write("content-model.zip", ContentModelZip);
        Write("clusters.bin", Pack(ClusterOf));
        Write("cluster-centroids.bin", Pack(ClusterCentroids));
        Write("clusters.json", JsonSerializer.SerializeToUtf8Bytes(new ClusterFile(ClusterNames, CentroidDimension), Json));
        Write("als.json", JsonSerializer.SerializeToUtf8Bytes(Als, Json));
        Write("item-factors.bin", Pack(ItemFactors));
        Write("item-known.bin", Pack(HasItem.Select(h => h ? (byte)1 : (byte)0).ToArray()));
        Write("users.bin", Pack(UserIds));
        Write("user-factors.bin", Pack(UserFactors));
        Write("user-clusters.json", JsonSerializer.SerializeToUtf8Bytes(new UserClusterFile(UserClusterDimension, UserClusterProfiles), Json));
        Write("user-centroids.bin", Pack(UserCentroids));
        Write("clustered-users.bin", Pack(ClusteredUserIds));
        Write("user-cluster-of.bin", Pack(UserClusterOf));
        Write("affinity.bin", Pack(Affinity));
        if (RankerZip is not null)
        {
            Write("ranker.zip", RankerZip);
        }

        Manifest = Manifest with { Files = files };
        File.WriteAllBytes(Path.Combine(directory, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(Manifest, Json));
    }

    /// <summary>Reads only a version's manifest (steps, metrics, notes), or null when the folder has none or it is unreadable.</summary>
    public static ModelManifest? ReadManifest(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        try
        {
            return File.Exists(manifestPath) ? JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(manifestPath), Json) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Checks every file of a version's folder against the manifest's checksums, reading each as a stream.</summary>
    /// <exception cref="InvalidDataException">The manifest or a file is missing, altered or unreadable.</exception>
    public static void Verify(string directory)
    {
        var manifest = ReadManifest(directory) ?? throw new InvalidDataException($"The model folder {directory} has no readable manifest.");
        foreach (var (name, expected) in manifest.Files)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"The model file {name} is missing.");
            }

            using var file = File.OpenRead(path);
            if (!string.Equals(Convert.ToHexString(SHA256.HashData(file)), expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"The model file {name} does not match its checksum: it was changed or damaged.");
            }
        }
    }

    /// <summary>Reads a version's folder, checking every file against the manifest's checksums.</summary>
    /// <exception cref="InvalidDataException">A file is missing, altered or unreadable.</exception>
    public static ModelArtifacts Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"The model folder {directory} has no manifest.");
        }

        ModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(manifestPath), Json) ?? throw new InvalidDataException("The manifest is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The manifest of {directory} is not valid JSON: {ex.Message}", ex);
        }

        byte[] Read(string name)
        {
            var path = Path.Combine(directory, name);
            if (!manifest.Files.TryGetValue(name, out var expected))
            {
                throw new InvalidDataException($"The manifest does not list {name}.");
            }

            if (!File.Exists(path))
            {
                throw new InvalidDataException($"The model file {name} is missing.");
            }

            var bytes = File.ReadAllBytes(path);
            if (!string.Equals(Convert.ToHexString(SHA256.HashData(bytes)), expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"The model file {name} does not match its checksum: it was changed or damaged.");
            }

            return bytes;
        }

        var clusters = JsonSerializer.Deserialize<ClusterFile>(Read("clusters.json"), Json) ?? throw new InvalidDataException("clusters.json is empty.");
        var userClusters = JsonSerializer.Deserialize<UserClusterFile>(Read("user-clusters.json"), Json) ?? throw new InvalidDataException("user-clusters.json is empty.");
        return new ModelArtifacts
        {
            Manifest = manifest,
            VideoIds = Unpack<int>(Read("videos.bin")),
            ContentDimension = manifest.ContentDimension,
            Content = Unpack<float>(Read("content.bin")),
            ContentModelZip = Read("content-model.zip"),
            ClusterOf = Unpack<int>(Read("clusters.bin")),
            ClusterCentroids = Unpack<float>(Read("cluster-centroids.bin")),
            ClusterNames = clusters.Names,
            CentroidDimension = clusters.CentroidDimension,
            Als = JsonSerializer.Deserialize<AlsOptions>(Read("als.json"), Json) ?? new AlsOptions(),
            ItemFactors = Unpack<float>(Read("item-factors.bin")),
            HasItem = Unpack<byte>(Read("item-known.bin")).Select(b => b != 0).ToArray(),
            UserIds = Unpack<long>(Read("users.bin")),
            UserFactors = Unpack<float>(Read("user-factors.bin")),
            UserClusterDimension = userClusters.Dimension,
            UserClusterProfiles = userClusters.Profiles,
            UserCentroids = Unpack<float>(Read("user-centroids.bin")),
            ClusteredUserIds = Unpack<long>(Read("clustered-users.bin")),
            UserClusterOf = Unpack<int>(Read("user-cluster-of.bin")),
            Affinity = Unpack<float>(Read("affinity.bin")),
            RankerZip = manifest.Files.ContainsKey("ranker.zip") ? Read("ranker.zip") : null,
        };
    }

    /// <summary>The model for a catalog snapshot: arrays re-indexed to it, new videos vectorised and clustered.</summary>
    public RecommenderModel AlignTo(CatalogSnapshot catalog, int versionId, IReadOnlyDictionary<int, string>? staffNames = null)
    {
        var d = ContentDimension;
        var f = Als.Factors;
        var n = catalog.Count;
        var trainedIndex = new Dictionary<int, int>(VideoIds.Length);
        for (var i = 0; i < VideoIds.Length; i++)
        {
            trainedIndex[VideoIds[i]] = i;
        }

        var content = new float[n * d];
        var items = new float[n * f];
        var known = new bool[n];
        var clusterOf = new int[n];
        var missing = new List<int>();
        for (var v = 0; v < n; v++)
        {
            if (trainedIndex.TryGetValue(catalog.VideoIds[v], out var t))
            {
                Content.AsSpan(t * d, d).CopyTo(content.AsSpan(v * d, d));
                ItemFactors.AsSpan(t * f, f).CopyTo(items.AsSpan(v * f, f));
                known[v] = HasItem[t];
                clusterOf[v] = ClusterOf[t];
            }
            else
            {
                missing.Add(v);
            }
        }

        if (missing.Count > 0)
        {
            using var zip = new MemoryStream(ContentModelZip);
            var vectors = MlContentVectorizer.Load(zip, d).VectorsFor(catalog, missing);
            var contentCentroids = ContentPartOfCentroids(d);
            for (var m = 0; m < missing.Count; m++)
            {
                var v = missing[m];
                vectors.AsSpan(m * d, d).CopyTo(content.AsSpan(v * d, d));
                clusterOf[v] = KMeansClustering.Nearest(content.AsSpan(v * d, d), contentCentroids, d);
            }
        }

        var names = (string[])ClusterNames.Clone();
        foreach (var (cluster, name) in staffNames ?? new Dictionary<int, string>())
        {
            if (cluster >= 0 && cluster < names.Length)
            {
                names[cluster] = name;
            }
        }

        var users = new Dictionary<long, int>(UserIds.Length);
        for (var u = 0; u < UserIds.Length; u++)
        {
            users[UserIds[u]] = u;
        }

        var assignment = new Dictionary<long, int>(ClusteredUserIds.Length);
        for (var u = 0; u < ClusteredUserIds.Length; u++)
        {
            assignment[ClusteredUserIds[u]] = UserClusterOf[u];
        }

        IRanker? ranker = null;
        if (RankerZip is not null)
        {
            using var rankerZip = new MemoryStream(RankerZip);
            ranker = new LearnedRanker(Manifest.Version, RankerTrainer.Load(rankerZip), Manifest.FeatureImportance);
        }

        return new RecommenderModel(Manifest.Version, Manifest.CreatedAt, new ContentVectors(d, content), new VideoClusters(clusterOf, names, ClusterCentroids, CentroidDimension))
        {
            VersionId = versionId,
            Collaborative = new CollaborativeModel(f, items, known, users, UserFactors, Als),
            UserClusters = new UserClusterModel(UserClusterDimension, UserCentroids, assignment, UserClusterProfiles, Affinity, names.Length),
            LearnedRanker = ranker,
        };
    }

    /// <summary>The first <paramref name="d"/> columns of each centroid: the content part, for videos with no engagement yet.</summary>
    private float[] ContentPartOfCentroids(int d)
    {
        var k = ClusterCentroids.Length / CentroidDimension;
        var result = new float[k * d];
        for (var c = 0; c < k; c++)
        {
            ClusterCentroids.AsSpan(c * CentroidDimension, d).CopyTo(result.AsSpan(c * d, d));
        }

        return result;
    }

    private static byte[] Pack<T>(T[] values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var result = new byte[8 + bytes.Length];
        BitConverter.TryWriteBytes(result.AsSpan(0, 4), Magic);
        BitConverter.TryWriteBytes(result.AsSpan(4, 4), values.Length);
        bytes.CopyTo(result.AsSpan(8));
        return result;
    }

    private static T[] Unpack<T>(byte[] bytes) where T : unmanaged
    {
        if (bytes.Length < 8 || BitConverter.ToUInt32(bytes, 0) != Magic)
        {
            throw new InvalidDataException("A model file does not start with the expected header.");
        }

        var count = BitConverter.ToInt32(bytes, 4);
        var size = Marshal.SizeOf<T>();
        if (count < 0 || bytes.Length != 8 + (long)count * size)
        {
            throw new InvalidDataException("A model file's length does not match its header.");
        }

        return MemoryMarshal.Cast<byte, T>(bytes.AsSpan(8)).ToArray();
    }

    private sealed record ClusterFile(string[] Names, int CentroidDimension);

    private sealed record UserClusterFile(int Dimension, UserClusterProfile[] Profiles);
}
