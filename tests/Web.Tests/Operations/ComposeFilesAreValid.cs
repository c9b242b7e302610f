using System.Diagnostics;
using Digest.TestSupport;

namespace Digest.Web.Tests.Operations;

/// <summary>
/// The compose files as <c>docker-compose config</c> reads them (there is no Docker engine here to start them; the
/// multi-instance tests run the same arrangement with local processes and the same nginx config).
/// </summary>
public sealed class ComposeFilesAreValid
{
    [SkippableComposeFact]
    public async Task The_single_instance_file_runs_one_web_app_on_PostgreSQL_checked_for_readiness()
    {
        var result = await ConfigAsync("docker-compose.yml", password: "s3cret");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("  web:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("redis", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("web-b", result.Output, StringComparison.Ordinal);
        Assert.Contains("Password=s3cret", result.Output, StringComparison.Ordinal);
        Assert.Contains("/healthz/ready", result.Output, StringComparison.Ordinal);
    }

    [SkippableComposeFact]
    public async Task The_scale_file_runs_two_instances_with_Redis_behind_nginx_with_the_repositorys_config()
    {
        var result = await ConfigAsync("docker-compose.scale.yml", password: "s3cret");

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var service in new[] { "  postgres:", "  redis:", "  web-a:", "  web-b:", "  proxy:" })
        {
            Assert.Contains(service, result.Output, StringComparison.Ordinal);
        }

        Assert.Equal(2, Count(result.Output, "ConnectionStrings__Redis: redis:6379"));
        Assert.Equal(2, Count(result.Output, "Digest__Edge__KnownProxies__0: 172.28.0.0/16"));
        Assert.Contains("subnet: 172.28.0.0/16", result.Output, StringComparison.Ordinal);
        Assert.Contains(RepositoryRoot.Path("deploy", "nginx", "digest.conf") + ":/etc/nginx/conf.d/default.conf:ro", result.Output, StringComparison.Ordinal);
    }

    [SkippableComposeTheory]
    [InlineData("docker-compose.yml")]
    [InlineData("docker-compose.scale.yml")]
    public async Task Without_POSTGRES_PASSWORD_neither_file_starts_and_both_say_what_to_set(string file)
    {
        var result = await ConfigAsync(file, password: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Set POSTGRES_PASSWORD", result.Error + result.Output, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<(int ExitCode, string Output, string Error)> ConfigAsync(string file, string? password)
    {
        var start = new ProcessStartInfo(TestTools.DockerCompose!)
        {
            WorkingDirectory = RepositoryRoot.Path(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("config");
        start.Environment.Remove("POSTGRES_PASSWORD");
        if (password is not null)
        {
            start.Environment["POSTGRES_PASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private sealed class SkippableComposeFactAttribute : FactAttribute
    {
        public SkippableComposeFactAttribute()
        {
            if (TestTools.DockerCompose is null)
            {
                Skip = "docker-compose is not installed (./test.sh installs Debian's).";
            }
        }
    }

    private sealed class SkippableComposeTheoryAttribute : TheoryAttribute
    {
        public SkippableComposeTheoryAttribute()
        {
            if (TestTools.DockerCompose is null)
            {
                Skip = "docker-compose is not installed (./test.sh installs Debian's).";
            }
        }
    }
}
