using Microsoft.EntityFrameworkCore;

namespace Portal.Engine.Storage;

/// <summary>
/// The engine's schema on PostgreSQL. Migrations are made with:
/// <c>dotnet ef migrations add &lt;Name&gt; --project Portal.Engine --context PostgresEngineDbContext --output-dir Storage/Migrations/PostgreSql</c>
/// </summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options);
