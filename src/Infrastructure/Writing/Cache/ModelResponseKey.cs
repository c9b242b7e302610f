using System.Security.Cryptography;
using System.Text;

namespace Digest.Infrastructure.Writing.Cache;

/// <summary>A cache key: a hash of everything that decides the answer — provider, model, answer shape and the rendered prompt.</summary>
public static class ModelResponseKey
{
    public static string For(LlmProvider provider, string model, string answerShape, string systemPrompt, string userPrompt)
    {
        var text = string.Join('\u001f', provider.ToString(), model, answerShape, systemPrompt, userPrompt);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
