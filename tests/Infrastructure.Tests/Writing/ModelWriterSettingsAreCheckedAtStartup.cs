using Digest.Domain.Generation;
using Digest.Infrastructure.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class ModelWriterSettingsAreCheckedAtStartup
{
    [Theory]
    [InlineData(null)]
    [InlineData("Offline")]
    [InlineData("offline")]
    public void Offline_registers_no_model_writer(string? provider)
    {
        var services = new ServiceCollection();

        var added = services.AddModelWriter(Configuration(("Digest:Llm:Provider", provider)));

        Assert.False(added);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IDigestWriter));
    }

    [Fact]
    public void An_unknown_provider_is_named_with_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddModelWriter(Configuration(("Digest:Llm:Provider", "Anthropic"))));

        Assert.Contains("Digest:Llm:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("Offline, AzureOpenAI, OpenAI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_without_endpoint_or_deployment_says_which_settings_are_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddModelWriter(Configuration(("Digest:Llm:Provider", "AzureOpenAI"))));

        Assert.Contains("Digest:Llm:Endpoint is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Digest:Llm:Deployment is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_without_a_key_signs_in_with_the_hosts_Azure_identity()
    {
        // No token is asked for until a call is made, so this needs no network: it shows the setup is accepted.
        var services = new ServiceCollection().AddLogging();
        Assert.True(services.AddModelWriter(Configuration(
            ("Digest:Llm:Provider", "AzureOpenAI"), ("Digest:Llm:Endpoint", "https://example-resource.openai.azure.com/"), ("Digest:Llm:Deployment", "gpt-4o-mini"))));
    }

    [Fact]
    public void An_OpenAI_compatible_server_needs_a_model_but_a_local_one_no_key()
    {
        var noModel = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddModelWriter(Configuration(
            ("Digest:Llm:Provider", "OpenAI"), ("Digest:Llm:Endpoint", "http://localhost:11434/v1"))));
        Assert.Contains("Digest:Llm:Model is required", noModel.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiKey", noModel.Message, StringComparison.Ordinal);

        Assert.True(new ServiceCollection().AddModelWriter(Configuration(
            ("Digest:Llm:Provider", "OpenAI"), ("Digest:Llm:Endpoint", "http://localhost:11434/v1"), ("Digest:Llm:Model", "llama3.1:8b"))));
    }

    [Fact]
    public void The_settings_never_show_the_key_back()
    {
        var settings = new LlmSettings { Provider = LlmProvider.OpenAI, Model = "gpt-4o-mini", ApiKey = "sk-very-secret" };

        Assert.DoesNotContain("sk-very-secret", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey=(set)", settings.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
