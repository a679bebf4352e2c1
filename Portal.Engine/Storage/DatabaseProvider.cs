namespace Portal.Engine.Storage;

/// <summary>The database the engine runs on: SQLite embedded in the process, or a PostgreSQL server shared by several instances.</summary>
public enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSql = 1,
}
