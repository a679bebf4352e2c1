using Microsoft.EntityFrameworkCore;

namespace Portal.Storage;

/// <summary>
/// The portal's schema on PostgreSQL. Migrations are made with:
/// <c>dotnet ef migrations add &lt;Name&gt; --project Portal --context PostgresPortalDbContext --output-dir Storage/Migrations/PostgreSql</c>
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
