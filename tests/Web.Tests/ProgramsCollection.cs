namespace Digest.Web.Tests;

/// <summary>
/// Test classes that only run the real program as separate processes (verbs, a site to kill): nothing of theirs lives in
/// the test process, so they run beside the in-process apps of the other classes (see AssemblyInfo.cs). A class that
/// starts an app in this process, or touches Hangfire here, must not join.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProgramsCollection
{
    public const string Name = "Programs in processes of their own";
}
