using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Portal.Engine.Storage;

namespace Portal.Engine.Training;

/// <summary>
/// The database copy of model versions' folders (<see cref="ModelArtifactFile"/>), for several instances on one
/// database: the instance that trains a version uploads its files before the version can be promoted, and any
/// instance whose local folder is missing or damaged fetches them back. Files are streamed one at a time in both
/// directions (a parameter stream on PostgreSQL, an incremental blob on SQLite), so a large artifact is never held in
/// memory whole, let alone twice.
/// </summary>
public sealed class ModelArtifactShare(IDbContextFactory<EngineDbContext> contexts, IOptions<StorageOptions> storage, IOptions<TrainingOptions> options)
{
    private const int BufferSize = 1 << 16;

    /// <summary>The largest file either database stores in one value (PostgreSQL's bytea takes 1 GB, SQLite's default limit is 10⁹ bytes).</summary>
    private const long MaxFileBytes = 1_000_000_000;

    /// <summary>Whether versions are shared: <see cref="TrainingOptions.ShareArtifactsThroughDatabase"/>, or by default on PostgreSQL only.</summary>
    public bool Enabled => options.Value.ShareArtifactsThroughDatabase ?? storage.Value.Provider == DatabaseProvider.PostgreSql;

    /// <summary>A test hook: the upload throws after this many files, inside its transaction.</summary>
    internal int? FailAfterFiles { get; set; }

    /// <summary>
    /// Copies every file of <paramref name="directory"/> to the database as the files of <paramref name="versionId"/>,
    /// replacing any earlier copy, in one transaction: either all of them are there afterwards or none.
    /// </summary>
    public async Task<(int Files, long Bytes)> UploadAsync(int versionId, string directory, CancellationToken ct = default)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Name: Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ModelArtifactFiles.Where(f => f.ModelVersionId == versionId).ExecuteDeleteAsync(ct);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var bytes = 0L;
        var count = 0;
        foreach (var (path, name) in files)
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            if (file.Length > MaxFileBytes)
            {
                throw new InvalidOperationException($"The artifact {name} has {file.Length:N0} bytes, more than the {MaxFileBytes:N0} the database stores in one value.");
            }

            var sha256 = Convert.ToHexString(await SHA256.HashDataAsync(file, ct));
            file.Position = 0;
            await using var command = connection.CreateCommand();
            command.Transaction = dbTransaction;
            Add(command, "version", versionId);
            Add(command, "name", name);
            Add(command, "length", file.Length);
            Add(command, "sha", sha256);
            if (connection is SqliteConnection sqlite)
            {
                // SQLite binds a parameter whole; reserve the blob and write it in pieces instead.
                command.CommandText = """
                    INSERT INTO "ModelArtifactFiles" ("ModelVersionId", "Name", "Content", "Length", "Sha256") VALUES (@version, @name, zeroblob(@length), @length, @sha);
                    SELECT last_insert_rowid();
                    """;
                var rowId = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                await using var blob = new SqliteBlob(sqlite, "ModelArtifactFiles", "Content", rowId);
                await file.CopyToAsync(blob, BufferSize, ct);
            }
            else
            {
                // Npgsql streams a Stream parameter to the server as it sends the command.
                command.CommandText = """INSERT INTO "ModelArtifactFiles" ("ModelVersionId", "Name", "Content", "Length", "Sha256") VALUES (@version, @name, @content, @length, @sha)""";
                var content = Add(command, "content", file);
                content.DbType = DbType.Binary;
                await command.ExecuteNonQueryAsync(ct);
            }

            bytes += file.Length;
            if (++count == FailAfterFiles)
            {
                throw new IOException($"Simulated failure after uploading {count} artifact file(s).");
            }
        }

        await transaction.CommitAsync(ct);
        return (count, bytes);
    }

    /// <summary>
    /// Fetches the database copy of <paramref name="versionId"/> into a new folder beside <paramref name="directory"/>,
    /// checks every file against its own checksum and the manifest's, and renames it into place (a damaged folder
    /// there is renamed aside first, then deleted). Whoever reads <paramref name="directory"/> meanwhile sees the old
    /// folder, none, or the whole new one.
    /// </summary>
    /// <exception cref="InvalidDataException">The database holds no copy, or a damaged or incomplete one.</exception>
    public async Task RestoreAsync(int versionId, string directory, CancellationToken ct = default)
    {
        directory = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException($"{directory} has no parent folder.");
        var name = Path.GetFileName(directory);
        Directory.CreateDirectory(parent);
        var fetched = Path.Combine(parent, $".{name}.fetch-{Guid.NewGuid():N}");
        try
        {
            var checksums = await FetchAsync(versionId, fetched, ct);
            if (checksums.Count == 0)
            {
                throw new InvalidDataException($"The database holds no copy of the files of version {versionId}.");
            }

            var manifest = ModelArtifacts.ReadManifest(fetched) ?? throw new InvalidDataException("The database copy has no readable manifest.");
            foreach (var (file, expected) in manifest.Files)
            {
                if (!checksums.TryGetValue(file, out var actual))
                {
                    throw new InvalidDataException($"The database copy lacks {file}.");
                }

                if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"The database copy of {file} does not match the manifest's checksum.");
                }
            }

            if (Directory.Exists(directory))
            {
                var aside = Path.Combine(parent, $".{name}.damaged-{Guid.NewGuid():N}");
                Directory.Move(directory, aside);
                Directory.Move(fetched, directory);
                TryDelete(aside);
            }
            else
            {
                Directory.Move(fetched, directory);
            }
        }
        finally
        {
            TryDelete(fetched);
        }
    }

    /// <summary>Deletes the database copy of a version's files (the version's row stays).</summary>
    public async Task<int> DeleteAsync(int versionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelArtifactFiles.Where(f => f.ModelVersionId == versionId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Writes each stored file under <paramref name="into"/>, checking its length and checksum; returns name → checksum.</summary>
    private async Task<Dictionary<string, string>> FetchAsync(int versionId, string into, CancellationToken ct)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var sqlite = connection is SqliteConnection;
        await using var command = connection.CreateCommand();

        // With the row id selected, SQLite's reader hands out the blob as an incremental stream rather than a copy.
        command.CommandText = $"""SELECT "Name", "Length", "Sha256", {(sqlite ? "rowid, " : "")}"Content" FROM "ModelArtifactFiles" WHERE "ModelVersionId" = @version ORDER BY "Name" """;
        Add(command, "version", versionId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var buffer = new byte[BufferSize];
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            var length = reader.GetInt64(1);
            var expected = reader.GetString(2).Trim();
            var path = Path.GetFullPath(Path.Combine(into, name));
            if (!path.StartsWith(into + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"The database copy names a file outside its folder: {name}.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var written = 0L;
            await using (var content = reader.GetStream(sqlite ? 4 : 3))
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    written += read;
                }

                file.Flush(flushToDisk: true);
            }

            var actual = Convert.ToHexString(hash.GetHashAndReset());
            if (written != length || !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"The database copy of {name} does not match its checksum: it was changed or damaged.");
            }

            checksums[name] = actual;
        }

        return checksums;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
