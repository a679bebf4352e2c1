using System.Data.Common;

namespace Portal.Engine.Storage;

/// <summary>Provider-neutral helpers for the engine's few hand-written SQL commands.</summary>
public static class DbCommandExtensions
{
    /// <summary>Adds a parameter named <paramref name="name"/> (written <c>@name</c> in the SQL); null becomes DBNull.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name.TrimStart('@', '$');
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A command in the given transaction with the given text.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
