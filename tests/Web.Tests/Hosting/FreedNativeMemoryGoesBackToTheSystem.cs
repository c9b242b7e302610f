using System.Runtime.InteropServices;
using Digest.Web.Hosting;

namespace Digest.Web.Tests.Hosting;

/// <summary>
/// The site's idle trim hands the C heap's free pages back (ADR 0029): what native code freed, the JIT's scratch space
/// above all, otherwise stays in the process's resident set. Here a hundred megabytes of small blocks are freed with
/// one block in 32 kept, so the free space lies between live blocks where glibc's own trimming cannot reach it.
/// </summary>
public sealed class FreedNativeMemoryGoesBackToTheSystem
{
    [Fact]
    public void Trimming_returns_freed_blocks_between_live_ones()
    {
        const int blocks = 100_000, size = 1024;
        var pointers = new nint[blocks];
        var ones = Enumerable.Repeat((byte)1, size).ToArray();
        for (var i = 0; i < blocks; i++)
        {
            pointers[i] = Marshal.AllocHGlobal(size); // malloc on Linux
            Marshal.Copy(ones, 0, pointers[i], size); // touched, so resident
        }

        for (var i = 0; i < blocks; i++)
        {
            if (i % 32 != 0)
            {
                Marshal.FreeHGlobal(pointers[i]);
            }
        }

        try
        {
            var before = ResidentBytes();
            Assert.True(NativeHeap.Trim(), "malloc_trim gave nothing back");
            var after = ResidentBytes();
            Assert.True(before - after > 50L << 20, $"resident {before >> 20} MB before the trim, {after >> 20} MB after");
        }
        finally
        {
            for (var i = 0; i < blocks; i += 32)
            {
                Marshal.FreeHGlobal(pointers[i]);
            }
        }
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
