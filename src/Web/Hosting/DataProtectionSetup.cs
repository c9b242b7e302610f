using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Digest.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Hosting;

/// <summary>
/// The Data Protection keys (they sign sign-in cookies, antiforgery tokens and the dashboard's circuit state) live
/// in the database, so every instance and every process signs and reads the same way: a sign-in made through one
/// instance holds on the others, and a form rendered by one passes antiforgery on another. With
/// <c>Digest:DataProtection:CertificatePath</c> the keys are encrypted at rest with that certificate (a PFX file);
/// <c>PreviousCertificatePaths</c> keeps older certificates able to read keys after a rotation.
/// </summary>
public static class DataProtectionSetup
{
    public const string SectionName = "Digest:DataProtection";

    public static IServiceCollection AddDigestDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("Digest")
            .PersistKeysToDbContext<DigestDbContext>();
        var section = configuration.GetSection(SectionName);
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            var password = section["CertificatePassword"];
            var current = Load(path, password, "CertificatePath");
            var previous = section.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [];
            keys.ProtectKeysWithCertificate(current)
                .UnprotectKeysWithAnyCertificate([current, .. previous.Select(p => Load(p, password, "PreviousCertificatePaths"))]);
        }

        return services;
    }

    /// <summary>
    /// Before this release the keys were files under the data directory. On the first start with keys in the
    /// database, those files are copied in, so nobody is signed out by the upgrade.
    /// </summary>
    public static async Task ImportKeyFilesAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        var directory = new DirectoryInfo(Path.Combine(options.DataDirectory, "keys"));
        if (!directory.Exists)
        {
            return;
        }

        var db = services.GetRequiredService<DigestDbContext>();
        if (await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var files = directory.GetFiles("key-*.xml");
        foreach (var file in files)
        {
            var xml = XElement.Load(file.FullName);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file.Name), Xml = xml.ToString(SaveOptions.DisableFormatting) });
        }

        if (files.Length > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataProtectionSetup).FullName!)
                .LogInformation("Copied {Count} Data Protection key(s) from {Directory} into the database; the files are no longer used", files.Length, directory.FullName);
        }
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{SectionName}:{setting} ({path}) has no private key; export it with its key as a .pfx.");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{SectionName}:{setting}: cannot read the certificate {path}: {ex.Message}", ex);
        }
    }
}
