using Microsoft.EntityFrameworkCore;

namespace Portal.Storage;

/// <summary>
/// The portal's schema on SQLite. Migrations are made with:
/// <c>dotnet ef migrations add &lt;Name&gt; --project Portal --context SqlitePortalDbContext --output-dir Storage/Migrations/Sqlite</c>
/// </summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
