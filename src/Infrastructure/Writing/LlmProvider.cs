namespace Digest.Infrastructure.Writing;

/// <summary>Which writer drafts the sections: <c>Digest:Llm:Provider</c>.</summary>
public enum LlmProvider
{
    /// <summary>No model: the offline writer uses only what the sources say.</summary>
    Offline,
    AzureOpenAI,
    /// <summary>OpenAI itself or any OpenAI-compatible server (Ollama, vLLM, llama.cpp server, LM Studio).</summary>
    OpenAI,
}
