using Digest.Infrastructure.Hugo;
using Xunit.Abstractions;
namespace Digest.Infrastructure.Tests.Hugo;
public sealed class ZzProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        foreach (var file in SeedArchive.FileNames)
        {
            var r = HugoPostParser.Parse(file, File.ReadAllBytes(Path.Combine(SeedArchive.Path, file)));
            output.WriteLine($"{file}: same={r.Post!.Reassembled == File.ReadAllText(Path.Combine(SeedArchive.Path, file))} " + string.Join(" | ", r.Notes));
        }
    }
}
