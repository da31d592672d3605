namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>Small seeds written in the tests, in the exact format of the project seed.</summary>
internal static class Seeds
{
    /// <summary>A seed with a header, a title block and a one-paragraph body (the text is put in a <c>p</c> as given: escape it yourself).</summary>
    public static string Simple(string title, string url, string paragraphHtml, long epochMilliseconds = 1641989702000) =>
        $"<!--{epochMilliseconds}-->\n[{title}]({url})\n------\n\n<p>{paragraphHtml}</p>\n";
}
