using System.Text.RegularExpressions;
using Digest.Infrastructure.Data;
using Digest.Migrations;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Data;

/// <summary>
/// Digest runs on compiled EF Core models (Data/CompiledModels, found by EF through their assembly attribute), so a
/// change to an entity or a configuration that is not followed by regenerating them would run on the old model. This
/// builds each provider's model from the code as `dotnet ef dbcontext optimize` does and asserts the committed files
/// are exactly what it writes (docs/decisions/0041).
/// </summary>
public sealed partial class CompiledModelsAreCurrent
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_committed_compiled_model_is_what_the_current_model_generates(string provider)
    {
        using var context = Context(provider);
        var generated = Generate(context, provider);

        var directory = RepositoryRoot.Path("src", "Infrastructure", "Data", "CompiledModels", provider);
        var committed = Directory.GetFiles(directory, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var stale = generated.Where(file => !File.Exists(Path.Combine(directory, file.Path))
                || Normalise(File.ReadAllText(Path.Combine(directory, file.Path))) != Normalise(file.Code))
            .Select(file => file.Path)
            .Concat(committed.Except(generated.Select(file => file.Path), StringComparer.Ordinal)!)
            .ToList();

        Assert.True(stale.Count == 0,
            $"The compiled {provider} model is out of date ({string.Join(", ", stale)} differ from what the model in code generates). " +
            "Run src/Infrastructure/Data/CompiledModels/regenerate.sh and commit the result.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_running_context_uses_the_compiled_model(string provider)
    {
        using var context = Context(provider);

        var model = context.GetService<IDesignTimeModel>().Model;
        Assert.Equal($"{Namespace(provider)}.{provider}DigestDbContextModel", context.Model.GetType().FullName);
        Assert.Equal(model.GetEntityTypes().Count(), context.Model.GetEntityTypes().Count());
    }

    private static string Namespace(string provider) => $"Digest.Infrastructure.Data.CompiledModels.{provider}";

    // The factories `dotnet ef dbcontext optimize` uses (regenerate.sh), so the test generates what the script does.
    private static DigestDbContext Context(string provider) => provider == "Sqlite"
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    private static List<ScaffoldedFile> Generate(DbContext context, string provider)
    {
        var assembly = typeof(DigestDbContext).Assembly;
#pragma warning disable EF1001 // the same internal services `dotnet ef dbcontext optimize` builds, so the output is the tool's
        var services = new DesignTimeServicesBuilder(assembly, assembly, new OperationReporter(handler: null), []).Build(context);
#pragma warning restore EF1001
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = context.GetType(),
            ModelNamespace = Namespace(provider),
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        return [.. services.GetRequiredService<ICompiledModelCodeGenerator>().GenerateModel(context.GetService<IDesignTimeModel>().Model, options)];
    }

    // Each generation draws a new model id; everything else must match to the character.
    private static string Normalise(string code) =>
        ModelId().Replace(code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF'), "modelId: new Guid(\"…\")");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();
}
