using System.Diagnostics;
using System.Net;

namespace Digest.TestSupport.Instances;

/// <summary>
/// Debian's nginx (DIGEST_NGINX) with the repository's own site config (deploy/nginx/digest.conf), started for one
/// test class on a free port of 127.0.0.1: only the upstream addresses and the listen line are replaced. Its access
/// log names the instance (upstream) that answered each request and the request's node cookie.
/// </summary>
public sealed class LocalNginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private LocalNginx(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Replaces <c>server web-a:8080</c>-style upstream entries with the given addresses.</summary>
    public static async Task<LocalNginx> StartAsync(string siteConfig, IReadOnlyDictionary<string, Uri> upstreams)
    {
        var nginx = TestTools.Nginx ?? throw new InvalidOperationException("nginx is not installed (./test.sh installs Debian's).");
        var directory = Directory.CreateTempSubdirectory("digest-nginx-").FullName;
        var port = RunningInstance.FreePort();
        var site = await File.ReadAllTextAsync(siteConfig);
        foreach (var (name, address) in upstreams)
        {
            site = site.Replace($"server {name};", $"server {address.Authority};", StringComparison.Ordinal)
                .Replace($"server {name} ", $"server {address.Authority} ", StringComparison.Ordinal);
        }

        site = site.Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(directory, "digest.conf"), site);
        // As root the workers would switch to "nobody", who cannot write the temp directories of this test.
        var user = Environment.UserName == "root" ? "user root;" : "";
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 512; }
            http {
                log_format upstream '$request_method $uri $status node=$cookie_digest_node upstream=$upstream_addr';
                access_log {{directory}}/access.log upstream;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/digest.conf;
            }
            """);
        var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", directory, "-e", Path.Combine(directory, "error.log"), "-c", Path.Combine(directory, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var proxy = new LocalNginx(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        await proxy.WaitUntilAnsweringAsync();
        return proxy;
    }

    /// <summary>Each proxied request so far: method, path, status, the instance that answered, the node cookie sent.</summary>
    public IReadOnlyList<ProxiedRequest> Requests()
    {
        var log = Path.Combine(_directory, "access.log");
        if (!File.Exists(log))
        {
            return [];
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var requests = new List<ProxiedRequest>();
        while (reader.ReadLine() is { } line)
        {
            // The upstream comes last: after a failed attempt nginx lists every instance tried ("a:1, b:2").
            var parts = line.Split(' ', 5);
            if (parts.Length == 5)
            {
                requests.Add(new ProxiedRequest(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[4]["upstream=".Length..], parts[3]["node=".Length..]));
            }
        }

        return requests;
    }

    public string ErrorLog => File.Exists(Path.Combine(_directory, "error.log")) ? File.ReadAllText(Path.Combine(_directory, "error.log")) : "";

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's cleanup.
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}{ErrorLog}");
            }

            try
            {
                if ((await client.GetAsync("/healthz/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"nginx did not answer: {ErrorLog}");
    }
}

/// <summary>One line of the test nginx's access log.</summary>
public sealed record ProxiedRequest(string Method, string Path, int Status, string Upstream, string NodeCookie);
