namespace Corpus.Web.Tests;

/// <summary>One app process for every test class: starting it is the slowest step of a test run.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppProcess>
{
    public const string Name = "Corpus.Web app";
}
