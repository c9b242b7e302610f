using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: <c>Digest:Database:Provider</c>, <c>ConnectionStrings:Digest</c>, <c>Digest:DataDirectory</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Digest:Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Digest:Database:Provider is \"{providerText}\"; use Sqlite (the default) or Postgres.");
        }

        var dataDirectory = Path.GetFullPath(configuration["Digest:DataDirectory"] is { Length: > 0 } dir ? dir : Path.Combine(contentRoot, "data"));
        var connectionString = configuration.GetConnectionString("Digest");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataDirectory, "digest.db")}"
                : throw new InvalidOperationException(
                    "Digest:Database:Provider is Postgres but ConnectionStrings:Digest is empty; set it (e.g. ConnectionStrings__Digest=\"Host=…;Database=digest;Username=…;Password=…\").");
        }

        return new DatabaseOptions(provider, connectionString, dataDirectory);
    }
}
