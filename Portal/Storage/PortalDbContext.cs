using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Auth.ApiKeys;
using Portal.Moderation;

namespace Portal.Storage;

/// <summary>
/// The portal's own schema, apart from the engine's: staff identity, API keys, the audit log and moderation cases.
/// The same model runs on SQLite and PostgreSQL; each provider has its own context type
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/>) only so that each keeps its own
/// migrations. Everything else asks for a <see cref="PortalDbContext"/>.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The keys that protect sign-in cookies and forms, kept here so that every instance on the same database reads
    /// the others' cookies, and a restart or a new machine does not sign everyone out.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Keys apps use to call the HTTP API; only their hashes are stored.</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The append-only, hash-chained record of what staff did.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Reported videos waiting for, or after, a moderator's decision.</summary>
    public DbSet<ModerationCase> ModerationCases => Set<ModerationCase>();

    public DbSet<ModerationReport> ModerationReports => Set<ModerationReport>();

    /// <summary>Decisions about videos, creators and sounds, pending ones included.</summary>
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly, type => type.Namespace == typeof(PortalDbContext).Namespace + ".Configurations");
    }
}
