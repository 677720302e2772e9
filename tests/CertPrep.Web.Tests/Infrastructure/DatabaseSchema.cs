using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>
/// A database's schema read back from the catalog, as sorted lines of text ("table.column: type null", indexes,
/// keys, foreign keys), so two schemas compare with a readable difference.
/// </summary>
public static class DatabaseSchema
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, Func<string, bool> includeTable)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var lines = connection switch
        {
            SqliteConnection sqlite => await ReadSqliteAsync(sqlite, includeTable),
            NpgsqlConnection npgsql => await ReadPostgresAsync(npgsql, includeTable),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static bool IsApplicationTable(string table) =>
        !table.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase) && !table.StartsWith("__EFMigrations", StringComparison.Ordinal);

    public static bool IsQuartzTable(string table) => table.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase);

    private static async Task<List<string>> ReadSqliteAsync(SqliteConnection connection, Func<string, bool> includeTable)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => includeTable(t.Name)))
        {
            var t = table.ToUpperInvariant();
            lines.Add($"table {t}{(sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " autoincrement" : "")}");
            var columns = await QueryAsync(connection, $"PRAGMA table_info('{table}')", r => new
            {
                Name = r.GetString(1),
                Type = r.GetString(2),
                NotNull = r.GetInt64(3) == 1,
                Default = r.IsDBNull(4) ? null : r.GetString(4),
                Pk = r.GetInt64(5),
            });
            foreach (var c in columns)
            {
                lines.Add($"column {t}.{c.Name.ToUpperInvariant()}: {Affinity(c.Type)} {(c.NotNull ? "not null" : "null")}{(c.Default is null ? "" : $" default {c.Default}")}");
            }

            var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name.ToUpperInvariant());
            lines.Add($"primary key {t}({string.Join(",", key)})");

            var indexes = await QueryAsync(connection, $"PRAGMA index_list('{table}')", r => new { Name = r.GetString(1), Unique = r.GetInt64(2) == 1, Origin = r.GetString(3) });
            foreach (var index in indexes.Where(i => i.Origin == "c"))
            {
                var cols = await QueryAsync(connection, $"PRAGMA index_xinfo('{index.Name}')", r => new { Seq = r.GetInt64(0), Name = r.IsDBNull(2) ? null : r.GetString(2), Desc = r.GetInt64(3) == 1, Key = r.GetInt64(5) == 1 });
                var described = cols.Where(c => c.Key).OrderBy(c => c.Seq).Select(c => c.Name!.ToUpperInvariant() + (c.Desc ? " desc" : ""));
                lines.Add($"index {t}.{index.Name.ToUpperInvariant()}{(index.Unique ? " unique" : "")} ({string.Join(",", described)})");
            }

            var fks = await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')", r => new { Id = r.GetInt64(0), Seq = r.GetInt64(1), Table = r.GetString(2), From = r.GetString(3), To = r.GetString(4), OnDelete = r.GetString(6) });
            foreach (var fk in fks.GroupBy(f => f.Id))
            {
                var from = string.Join(",", fk.OrderBy(f => f.Seq).Select(f => f.From.ToUpperInvariant()));
                var to = string.Join(",", fk.OrderBy(f => f.Seq).Select(f => f.To.ToUpperInvariant()));
                lines.Add($"foreign key {t}({from}) -> {fk.First().Table.ToUpperInvariant()}({to}) on delete {fk.First().OnDelete}");
            }
        }

        var triggers = await QueryAsync(connection, "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'", r => (Name: r.GetString(0), Table: r.GetString(1)));
        lines.AddRange(triggers.Where(tr => includeTable(tr.Table)).Select(tr => $"trigger {tr.Table.ToUpperInvariant()}.{tr.Name.ToUpperInvariant()}"));
        return lines;
    }

    /// <summary>SQLite stores any declared type; what matters is the affinity it gets (sqlite.org/datatype3.html).</summary>
    private static string Affinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type.Contains("INT", StringComparison.Ordinal) ? "INTEGER"
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? "TEXT"
            : type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal) ? "BLOB"
            : type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) ? "REAL"
            : "NUMERIC";
    }

    private static async Task<List<string>> ReadPostgresAsync(NpgsqlConnection connection, Func<string, bool> includeTable)
    {
        var lines = new List<string>();
        var columns = await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity, identity_generation
            FROM information_schema.columns WHERE table_schema = 'public'
            """, r => new
        {
            Table = r.GetString(0),
            Column = r.GetString(1),
            Type = r.GetString(2),
            Length = r.IsDBNull(3) ? (int?)null : r.GetInt32(3),
            Nullable = r.GetString(4) == "YES",
            Default = r.IsDBNull(5) ? null : r.GetString(5),
            Identity = r.GetString(6) == "YES" ? r.GetString(7) : null,
        });
        foreach (var c in columns.Where(c => includeTable(c.Table)))
        {
            var type = c.Length is null ? c.Type : $"{c.Type}({c.Length.Value.ToString(CultureInfo.InvariantCulture)})";
            lines.Add($"column {c.Table}.{c.Column}: {type} {(c.Nullable ? "null" : "not null")}" +
                $"{(c.Default is null ? "" : $" default {c.Default}")}{(c.Identity is null ? "" : $" identity {c.Identity}")}");
        }

        var constraints = await QueryAsync(connection, """
            SELECT rel.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public' AND con.contype IN ('p', 'f', 'u')
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetChar(2), Definition: r.GetString(3)));
        foreach (var c in constraints.Where(c => includeTable(c.Table)))
        {
            lines.Add($"constraint {c.Table}.{c.Name}: {c.Definition}");
        }

        var indexes = await QueryAsync(connection, """
            SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conname = i.indexname AND con.contype IN ('p', 'u'))
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Definition: r.GetString(2)));
        foreach (var i in indexes.Where(i => includeTable(i.Table)))
        {
            lines.Add($"index {i.Table}.{i.Name}: {i.Definition}");
        }

        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(map(reader));
        }

        return result;
    }
}
