using Microsoft.EntityFrameworkCore;

namespace Portal.Engine.Storage;

/// <summary>
/// The engine's schema on SQLite. Migrations are made with:
/// <c>dotnet ef migrations add &lt;Name&gt; --project Portal.Engine --context SqliteEngineDbContext --output-dir Storage/Migrations/Sqlite</c>
/// </summary>
public sealed class SqliteEngineDbContext(DbContextOptions<SqliteEngineDbContext> options) : EngineDbContext(options);
