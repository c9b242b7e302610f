using System.Diagnostics;
using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Jobs;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Trust;

/// <summary>
/// kill -9 in the middle of a generation, on both databases: the next start of the job server fails the run with
/// the reason, closes the Hangfire job the dead worker held, and retries the day once — one draft, no run left
/// Running. The killed process is the real program; the model is a fake server that stops answering.
/// </summary>
public sealed class KilledRunsAreRecovered
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Sqlite_a_generate_verb_killed_mid_run_is_failed_and_retried_into_one_draft()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var model = await FakeModelServer.StartAsync();
        model.DefaultReply = request => SchemaAnswer.For(request).After(TimeSpan.FromMinutes(10));

        using (var child = Child.Start(database, model, "generate"))
        {
            await WaitForAsync(() => Task.FromResult(model.Requests.Count > 0), "the killed process to call the model", child);
            var running = await SingleRunningAsync(database);
            Assert.Contains($"/{child.Process.Id}/", running.Owner, StringComparison.Ordinal);
            child.Process.Kill(entireProcessTree: true);
            await child.Process.WaitForExitAsync();
        }

        Assert.Equal(RunStatus.Running, (await SingleRunningAsync(database)).Status);
        model.DefaultReply = SchemaAnswer.For;
        await using var restarted = Restart(database, model);
        _ = restarted.Services;

        await WaitForAsync(() => HasDraftAsync(database), "the retry to write the draft");
        await AssertRecoveredAsync(database);
    }

    [PostgresFact]
    public async Task Postgres_a_job_server_killed_mid_job_is_failed_its_job_closed_and_the_day_retried_into_one_draft()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var model = await FakeModelServer.StartAsync();
        model.DefaultReply = request => SchemaAnswer.For(request).After(TimeSpan.FromMinutes(10));
        string jobId;

        using (var child = Child.Start(database, model, "--urls", "http://127.0.0.1:0"))
        {
            await WaitForAsync(() => HangfireReadyAsync(database), "the job server's schema", child);
            var storage = Storage(database);
            // Hangfire logs through a process-wide provider that an earlier test host may have disposed.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new QuietHangfireLogs());
            jobId = new BackgroundJobClient(storage).Enqueue<GenerateDailyDigestJob>(job => job.RunAsync("test", CancellationToken.None));
            await WaitForAsync(() => Task.FromResult(model.Requests.Count > 0), "the killed process to call the model", child);
            var running = await SingleRunningAsync(database);
            Assert.Equal(jobId, running.JobId);
            using (var connection = storage.GetConnection())
            {
                Assert.Equal(ProcessingState.StateName, connection.GetStateData(jobId).Name);
            }

            child.Process.Kill(entireProcessTree: true);
            await child.Process.WaitForExitAsync();
        }

        model.DefaultReply = SchemaAnswer.For;
        await using var restarted = Restart(database, model);
        _ = restarted.Services;

        await WaitForAsync(() => HasDraftAsync(database), "the retry to write the draft");
        await AssertRecoveredAsync(database);
        using var storageConnection = Storage(database).GetConnection();
        var state = storageConnection.GetStateData(jobId);
        Assert.Equal(DeletedState.StateName, state.Name);
        Assert.Contains("worker died", state.Reason, StringComparison.Ordinal);
    }

    private static PostgreSqlStorage Storage(TestDatabase database)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.Options.ConnectionString, options), options);
    }

    private static async Task AssertRecoveredAsync(TestDatabase database)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var runs = await db.GenerationRuns.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync();
        Assert.DoesNotContain(runs, r => r.Status == RunStatus.Running);
        var killed = runs.First();
        Assert.Equal(RunStatus.Failed, killed.Status);
        Assert.Contains("stopped without finishing", killed.Message, StringComparison.Ordinal);
        Assert.Contains("retried automatically", killed.Message, StringComparison.Ordinal);
        var retry = Assert.Single(runs, r => r.Status == RunStatus.Succeeded);
        Assert.StartsWith(RunRecovery.RecoveryTrigger, retry.Trigger, StringComparison.Ordinal);
        Assert.Equal(1, await db.Posts.CountAsync());
    }

    /// <summary>The job server starting again over the same database, in this process, with the model answering.</summary>
    private static WebApplicationFactory<Program> Restart(TestDatabase database, FakeModelServer model) =>
        new DigestAppFactory(database, runJobServer: true).WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in Child.Settings(model))
            {
                web.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }
        });

    private static async Task<GenerationRun> SingleRunningAsync(TestDatabase database)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestDbContext>().GenerationRuns.AsNoTracking().SingleAsync();
    }

    private static async Task<bool> HasDraftAsync(TestDatabase database)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestDbContext>().Posts.AnyAsync();
    }

    private static async Task<bool> HangfireReadyAsync(TestDatabase database)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var count = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'server'").SingleAsync();
        return count > 0 && await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.server").SingleAsync() > 0;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, Child? child = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (child is { Process.HasExited: true })
            {
                Assert.Fail($"The program exited ({child.Process.ExitCode}) while waiting for {what}:\n{child.Output}");
            }

            Assert.True(watch.Elapsed < Patience, $"Gave up waiting for {what}.{(child is null ? "" : "\n" + child.Output)}");
            await Task.Delay(200);
        }
    }

    private sealed class QuietHangfireLogs : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    /// <summary>The real program (<c>dotnet Digest.Web.dll …</c>) as a process of its own, configured like a deployment.</summary>
    private sealed class Child : IDisposable
    {
        private readonly System.Text.StringBuilder _output = new();

        private Child(Process process) => Process = process;

        public Process Process { get; }

        public string Output
        {
            get { lock (_output) { return _output.ToString(); } }
        }

        public static Dictionary<string, string> Settings(FakeModelServer model) => new()
        {
            ["Digest__Demo"] = "true",
            ["Digest__Llm__Provider"] = "OpenAI",
            ["Digest__Llm__Endpoint"] = model.OpenAiEndpoint.ToString(),
            ["Digest__Llm__ApiKey"] = model.ApiKey,
            ["Digest__Llm__Model"] = "gpt-4o-mini",
            ["Digest__Llm__MaxRetries"] = "0",
            ["Digest__Generation__HeartbeatInterval"] = "1",
            ["Digest__Generation__RecoveryInterval"] = "2",
            ["Digest__Jobs__PollInterval"] = "1",
        };

        public static Child Start(TestDatabase database, FakeModelServer model, params string[] args)
        {
            var app = typeof(Program).Assembly.Location;
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(app)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(app);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["Digest__Database__Provider"] = database.Provider.ToString();
            start.Environment["ConnectionStrings__Digest"] = database.Options.ConnectionString;
            start.Environment["Digest__DataDirectory"] = database.Options.DataDirectory;
            foreach (var (key, value) in Settings(model))
            {
                start.Environment[key] = value;
            }

            var child = new Child(Process.Start(start)!);
            child.Process.OutputDataReceived += (_, e) => child.Append(e.Data);
            child.Process.ErrorDataReceived += (_, e) => child.Append(e.Data);
            child.Process.BeginOutputReadLine();
            child.Process.BeginErrorReadLine();
            return child;
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}
