using System.Runtime.InteropServices;

namespace Digest.Web.Hosting;

/// <summary>
/// Gives the C heap's free pages back to the operating system. glibc keeps what native code freed in its arenas, one
/// per thread that allocated, for the next malloc; most of it is the JIT's scratch space from warming up (measured: a
/// warmed-up site held 12 MB of live native allocations in arenas that had peaked at 27 MB). <c>malloc_trim(0)</c>
/// returns the free pages, also those between live blocks. Only on Linux with glibc; elsewhere it does nothing
/// (ADR 0029).
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>True when pages were given back.</summary>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, say): nothing to trim with.
            _unavailable = true;
            return false;
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, and LibraryImport would need unsafe code
    // switched on for the whole project.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
