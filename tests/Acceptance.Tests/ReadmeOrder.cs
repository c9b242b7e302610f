using Xunit.Abstractions;
using Xunit.Sdk;

namespace Digest.Acceptance.Tests;

/// <summary>Runs the README's lines top to bottom, as a newcomer does: a later command needs what an earlier one did.
/// The check that every line has an example comes first.</summary>
public sealed class ReadmeOrder : ITestCaseOrderer
{
    public const string TypeName = "Digest.Acceptance.Tests.ReadmeOrder";
    public const string AssemblyName = "Digest.Acceptance.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethodArguments is [int line, ..] ? line : 0);
}
